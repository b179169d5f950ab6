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


# Failures of the process reading a file, not of the file: it ran out of memory, or a
# library it imports on first use could not be mapped in under its memory limit (an
# ImportError). A reader that skips what it cannot read (a damaged page, a reader that
# fails on an odd one) lets these through: read as damage, they would silently give a
# text with pages missing, and one that differs from process to process (the batch's
# read-ahead has not the memory a worker has). Raised, they make the file an error row
# that is retried on the next run (pipeline.batch.run.run_one).
PROCESS_FAILURES = (MemoryError, ImportError)
