"""Password hashing (argon2id) and the rules a new password must meet.

A password is never stored, logged or put in a message: only its argon2id hash is kept
(``app_user.password_hash``), and no audit entry holds the hash either.
"""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from pbc_desktop.domain.accounts import PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, password_problem
from pbc_desktop.errors import ValidationError
from pbc_desktop.lang import t

#: argon2id with the library's defaults (RFC 9106's low-memory choice: 64 MiB, 3 passes,
#: 4 lanes), about 0.2 s on an old PC. Tests swap in a cheap one; a hash records its own
#: parameters, so every hash verifies whatever this is set to.
HASHER = PasswordHasher()
# Checked against when the account does not exist, so that "no such user" takes as long
# as "wrong password" and the time of a refusal does not tell which names exist.
_DUMMY_HASH: str | None = None
# The dummy for HASHER's parameters, made once here: made at the first unknown name, it
# made that try twice as long as a wrong password (a hash, then a check), which told after
# each start of the program whether the first name tried exists. Another HASHER (the
# tests' cheap one) has its dummy made at first use.
_DEFAULT_DUMMY = (
    "$argon2id$v=19$m=65536,t=3,p=4$tuKflEYgvRAVv4PGzlvs+A$"
    "hHmFxxJcDxYZdCi+eBiPSpQS0Yxxh4BMsgBkfPnWZQM"
)


def hash_password(password: str) -> str:
    return HASHER.hash(password)


def verify_password(stored: str | None, password: str) -> bool:
    """Whether ``password`` matches ``stored`` (None: no password set; still takes the time)."""
    global _DUMMY_HASH  # noqa: PLW0603
    if stored is None:
        if _DUMMY_HASH is None or needs_rehash(_DUMMY_HASH):
            _DUMMY_HASH = (
                _DEFAULT_DUMMY
                if not needs_rehash(_DEFAULT_DUMMY)
                else HASHER.hash("pbc-desktop-no-such-account")
            )
        stored, password = _DUMMY_HASH, password + "\x00"
    try:
        return HASHER.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    try:
        return HASHER.check_needs_rehash(stored)
    except InvalidHashError:
        return True


def check_new_password(password: str, *, username: str = "", field: str = "password") -> None:
    """Refuse a password that breaks the rules, naming the rule (never the password)."""
    problem = password_problem(password, username=username)
    if problem is None:
        return
    message = {
        "short": t(
            f"密码至少要 {PASSWORD_MIN_LENGTH} 个字符。",
            f"The password must have at least {PASSWORD_MIN_LENGTH} characters.",
        ),
        "long": t(
            f"密码最多 {PASSWORD_MAX_LENGTH} 个字符。",
            f"The password may have at most {PASSWORD_MAX_LENGTH} characters.",
        ),
        "spaces": t(
            "密码的开头和结尾不能是空格。", "The password cannot begin or end with a space."
        ),
        "username": t(
            "密码不能与用户名相同。", "The password cannot be the same as the user name."
        ),
    }[problem]
    raise ValidationError.single(field, message)
