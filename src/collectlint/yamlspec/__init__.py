"""Strict YAML specs with line numbers, shared by rule packs, profiles and configuration.

It sits below ``checks`` and ``packs`` so neither imports the other to read YAML.
"""
