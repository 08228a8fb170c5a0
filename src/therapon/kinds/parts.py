"""HTML pieces that several exercise kinds share, so every kind keeps the same test contract:
named <button>s, one data-feedback region announced through aria-live, hints, and loading."""

from __future__ import annotations

from ..catalog import Catalog
from ..contract import ACTION, ATTR
from ..markup import escape, markdown_to_html
from ..model import Exercise


def button(action: str, label: str, primary: bool = False, hidden: bool = False) -> str:
    classes = "md-button md-button--primary" if primary else "md-button"
    return (f'<button type="button" class="{classes}" {ATTR.action}="{action}"'
            f'{" hidden" if hidden else ""}>{escape(label)}</button>')


def prompt(exercise: Exercise) -> str:
    if not exercise.prompt.strip():
        return ""
    return f'<div class="therapon-prompt">{markdown_to_html(exercise.prompt)}</div>'


def hint_button(exercise: Exercise, words: Catalog) -> str:
    return button(ACTION.hint, words("page.hint")) if exercise.hints else ""


def hints(exercise: Exercise, words: Catalog) -> str:
    items = "".join(f"<li hidden>{markdown_to_html(h)}</li>" for h in exercise.hints)
    return f'<ol class="therapon-hints" {ATTR.hints} aria-label="{escape(words("page.hints"))}">{items}</ol>'


def reset_confirmation(question: str, words: Catalog) -> str:
    return (
        f'<div class="therapon-confirm" {ATTR.confirm} data-search-exclude hidden>'
        f"<span>{escape(question)}</span>"
        f'{button(ACTION.confirm_reset, words("page.resetYes"))}'
        f'{button(ACTION.cancel_reset, words("common.cancel"))}</div>'
    )


def loading(words: Catalog) -> str:
    return (
        f'<div class="therapon-loading" {ATTR.loading} data-search-exclude hidden>'
        f'<progress max="100" value="0" aria-label="{escape(words("page.loadingPython"))}"></progress> '
        f"<span {ATTR.loading_text}>{escape(words('page.loadingPythonText'))}</span></div>"
    )


def feedback() -> str:
    return f'<div class="therapon-feedback" {ATTR.feedback} role="status" aria-live="polite"></div>'


def solution(label: str, body_html: str) -> str:
    return (f'<div class="therapon-solution" {ATTR.solution} data-search-exclude hidden>'
            f'<p class="therapon-solution__label">{escape(label)}</p>{body_html}</div>')


def reveal_data(exercise: Exercise) -> dict[str, object]:
    return {"reveal": exercise.reveal, "revealAfterAttempts": exercise.reveal_after_attempts,
            "hintCount": len(exercise.hints)}
