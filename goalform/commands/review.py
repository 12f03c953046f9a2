"""goalform review FILE.goal [--submit | --status STATUS | --comment TEXT] [--who NAME] [--note TEXT] [--at PLACE]
[--force] [--accept-changes]

Without an action: prints the status with who and when, the recorded and the current fingerprint,
whether the form changed after it was submitted or was approved with content other than the
submitted, the status history with the fingerprint of every step and the 审核意见.
With an action: records it in the file and saves it (atomically, merging with the records of
anyone who saved meanwhile). It asks as the GUI does: 提交 and 通过 of a form with errors need
--force, 通过 of a form changed after 提交 needs --accept-changes (the record says so).
Exit 0; 1 when the listing has something to warn about; 2 for an unusable file or an action that
makes no sense (including 退回 without a reason in --note, an empty comment, an unknown --at).
"""
from __future__ import annotations

import argparse
from pathlib import Path

from goalform.commands.usage import UsageError
from goalform.domain.fingerprint import short
from goalform.domain.review import FORM_TARGET, ReviewError, Status, check_note, check_transition
from goalform.domain.review_places import EXAMPLES, resolve_place
from goalform.domain.review_text import TargetLabeler, history_lines, review_alerts, status_text
from goalform.domain.validation import gate_errors
from goalform.store import Document
from goalform.store.locking import save_lock

_VERBS = {Status.SUBMITTED: "提交", Status.APPROVED: "通过"}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("review", help="查看或记录审核状态、审核意见（提交、退回、通过）")
    p.add_argument("file", type=Path, metavar="FILE.goal")
    action = p.add_mutually_exclusive_group()
    action.add_argument("--submit", action="store_true", help="提交（记录表的指纹）")
    action.add_argument("--status", metavar="状态", help="改为 已提交 / 已退回 / 已通过")
    action.add_argument("--comment", metavar="意见", help="添加一条审核意见")
    p.add_argument("--who", default="", help="操作人（提交人或审核人）")
    p.add_argument("--note", default=None, help="状态变更的说明；退回时必填（退回原因）")
    p.add_argument("--at", default=None, metavar="位置",
                   help=f"意见所指的位置：{EXAMPLES}；指标编号见 goalform show --ids")
    p.add_argument("--force", action="store_true", help="表中还有错误时仍然提交或通过")
    p.add_argument("--accept-changes", action="store_true",
                   help="通过提交后被修改过的表（审核记录会注明通过的内容与提交的不同）")
    p.set_defaults(run=run)


def _check_options(args: argparse.Namespace) -> Status | None:
    """The status the command records (None for a comment or the listing); UsageError for options
    that do not go together."""
    status = Status.SUBMITTED if args.submit else Status.from_text(args.status) if args.status else None
    if args.note is not None and status is None:
        raise UsageError("--note 只能与 --submit 或 --status 一起使用（意见请用 --comment）")
    if args.at is not None and args.comment is None:
        raise UsageError("--at 只能与 --comment 一起使用")
    if args.force and status not in _VERBS:
        raise UsageError("--force 只用于 --submit 和 --status 已通过")
    if args.accept_changes and status is not Status.APPROVED:
        raise UsageError("--accept-changes 只用于 --status 已通过")
    if args.comment is not None and not args.comment.strip():
        raise UsageError("审核意见不能为空")
    if (status is not None or args.comment is not None) and not args.who.strip():
        raise UsageError("请用 --who 给出操作人姓名")
    return status


def run(args: argparse.Namespace) -> int:
    status = _check_options(args)
    if status is None and args.comment is None:
        return _listing(args.file)
    if not args.file.is_file():  # said before a lock is made in a folder that may not exist
        with Document.open(args.file, read_only=True):  # raises the store's message (找不到文件, 文件夹 ...)
            pass
    note = args.note or ""
    # Read, change and save under the file's save lock: two reviewers commenting at once both keep
    # their comment (the second reads the file the first saved; the save merges records anyway).
    with save_lock(args.file), Document.open(args.file) as doc:
        if status is None:
            form = doc.load_form()
            target = resolve_place(args.at or FORM_TARGET, form, doc.template)
            comment = doc.add_comment(target, args.comment, args.who)
            doc.save()
            print(f"已添加审核意见 {comment.id}：{TargetLabeler(form, doc.template).label(comment.location)}")
            return 0
        check_transition(doc.review_status(), status)
        try:
            check_note(status, note)
        except ReviewError as e:
            raise UsageError(f"{e}（用 --note 给出）") from None
        if status is Status.APPROVED:
            doc.check_approval(args.accept_changes)  # changed after 提交: refused unless --accept-changes
        if status in _VERBS and not args.force:
            errors = gate_errors(doc.load_form(), doc.template)
            if errors:
                raise UsageError(f"此表还有 {errors} 个错误（见 goalform validate），不能{_VERBS[status]}；"
                                 f"确认仍要{_VERBS[status]}请加 --force")
        change = doc.set_status(status, args.who, note, accept_changes=args.accept_changes)
        doc.save()
        print(f"{change.status.label}：{args.file}（指纹 {short(change.fingerprint)}）")
        if change.changed_from:
            print(f"  通过的内容与提交的不同（提交时指纹 {short(change.changed_from)}）；审核记录已注明接受修改")
        return 0


def _listing(path: Path) -> int:
    with Document.open(path, read_only=True) as doc:
        form = doc.load_form()
        review = doc.review()
        labels = TargetLabeler(form, doc.template)
        current = doc.fingerprint()
        alerts = review_alerts(review, current)
        print(f"{path}：{status_text(review)}")
        print(f"  当前指纹：{current}")
        for alert in alerts:
            print(f"  ⚠ {alert}")
        for line in history_lines(review):
            print(f"  {line}")
        for c in review.comments:
            print(f"  [意见 {c.id}] {labels.label(c.location)}：{c.text}（{c.author}，{c.created[:16].replace('T', ' ')}）")
    return 1 if alerts else 0

