"""Keep the bot token out of every log line and error message.

The token is a password: whoever has it controls the bot. It appears in every Bot API URL
(`https://api.telegram.org/bot<token>/sendMessage`), and httpx logs those URLs at INFO level, PTB logs the
base URL at DEBUG level, and network errors quote them. `install_token_masking` wraps the log-record
factory, so every record of every logger (handlers added later included) has the token replaced before
any handler or formatter sees it; `mask` does the same for error messages we print.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable

MASK = "***"

_lock = threading.Lock()
_secrets: set[str] = set()
_original_factory: Callable[..., logging.LogRecord] | None = None


def _variants(token: str) -> set[str]:
    """The token and its secret part (after the colon), which is just as dangerous on its own."""
    variants = {token}
    _, _, secret = token.partition(":")
    if len(secret) >= 16:
        variants.add(secret)
    return {v for v in variants if v}


def mask(text: str, secrets: Iterable[str] | None = None) -> str:
    """`text` with every known secret replaced by ***."""
    for secret in sorted(secrets if secrets is not None else _secrets, key=len, reverse=True):
        if secret and secret in text:
            text = text.replace(secret, MASK)
    return text


def _masking_factory(*args: object, **kwargs: object) -> logging.LogRecord:
    assert _original_factory is not None
    record = _original_factory(*args, **kwargs)
    if not _secrets:
        return record
    try:
        message = record.getMessage()
    except Exception:  # a broken format string: leave it to logging's own error reporting
        return record
    masked = mask(message)
    if masked != message:
        record.msg, record.args = masked, ()
    if record.exc_info and not record.exc_text:
        record.exc_text = mask(logging.Formatter().formatException(record.exc_info))
    if record.stack_info:
        record.stack_info = mask(record.stack_info)
    return record


def install_token_masking(token: str) -> None:
    """Mask `token` in all log records from now on (idempotent; several tokens may be registered)."""
    global _original_factory
    with _lock:
        _secrets.update(_variants(token))
        if _original_factory is None:
            _original_factory = logging.getLogRecordFactory()
            logging.setLogRecordFactory(_masking_factory)


def uninstall_token_masking() -> None:
    """Forget all tokens and restore the previous record factory (for tests)."""
    global _original_factory
    with _lock:
        _secrets.clear()
        if _original_factory is not None:
            logging.setLogRecordFactory(_original_factory)
            _original_factory = None
