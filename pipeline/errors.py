"""The project's own errors: a bad input is one of these, anything else is a bug."""


class PipelineError(Exception):
    """Something about an input or an argument that a person can fix."""


class ExtractError(PipelineError):
    """The file's text could not be extracted."""


class PdfError(ExtractError):
    """The PDF could not be read."""


class EncryptedPdfError(PdfError):
    """The PDF is password-protected."""


class NoTextError(ExtractError):
    """The file holds no text (empty, or image-only without OCR)."""


class EncodingError(ExtractError):
    """A text file is not in any encoding we can read."""


class DocxError(ExtractError):
    """The DOCX could not be read."""


class UnsupportedFileError(ExtractError):
    """The file's kind is not one we read."""


class GoldError(PipelineError):
    """A hand-annotation file could not be read or does not match its text."""


class LexiconError(PipelineError):
    """A file in models/ holds an entry the pipeline cannot use (a typo, an unknown value)."""


class OutputError(PipelineError):
    """The output folder cannot be read or written as asked."""
