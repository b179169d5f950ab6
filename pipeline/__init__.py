"""testimony: Russian-language testimony in, structured event tables out.

The import package is ``pipeline``; the command is ``testimony``.
"""

__version__ = "0.1.0"
