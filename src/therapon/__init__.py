"""Build side of Therapon: turn exercises/ into validated, rendered, in-browser exercises.

The MkDocs hook (hooks/therapon_hooks.py) only wires MkDocs events to these modules.
"""
