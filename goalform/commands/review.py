"""goalform review FILE.goal [--submit | --status STATUS | --comment TEXT] [--who NAME] [--note TEXT] [--at LOCATION]

Without an action: prints the status with who and when, the recorded and the current fingerprint,
whether the form changed after it was submitted, the status history and the 审核意见.
With an action: records it in the file and saves it (atomically). Exit 0; 1 when the form changed
after it was submitted (listing only); 2 for an unusable file or an action that makes no sense
(including 退回 without a reason in --note).
"""
from __future__ import annotations

import argparse
from pathlib import Path

from goalform.domain.fingerprint import short
from goalform.domain.review import FORM_TARGET, ReviewError, Status, check_note
from goalform.domain.review_view import TargetLabeler, status_text
from goalform.store import Document
from goalform.store.locking import save_lock


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("review", help="查看或记录审核状态、审核意见（提交、退回、通过）")
    p.add_argument("file", type=Path, metavar="FILE.goal")
    action = p.add_mutually_exclusive_group()
    action.add_argument("--submit", action="store_true", help="提交（记录表的指纹）")
    action.add_argument("--status", metavar="状态", help="改为 已提交 / 已退回 / 已通过")
    action.add_argument("--comment", metavar="意见", help="添加一条审核意见")
    p.add_argument("--who", default="", help="操作人（提交人或审核人）")
    p.add_argument("--note", default="", help="状态变更的说明；退回时必填（退回原因）")
    p.add_argument("--at", default=FORM_TARGET, metavar="位置",
                   help="意见所指的位置：form、field:phone、fund:fiscal:current、indicator:ID[:value]")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from goalform.cli import UsageError

    if args.submit or args.status or args.comment:
        if not args.who.strip():
            raise UsageError("请用 --who 给出操作人姓名")
        if not args.file.is_file():  # said before a lock is made in a folder that may not exist
            with Document.open(args.file, read_only=True):  # raises the store's message (找不到文件, 文件夹 ...)
                pass
        # Read, change and save under the file's save lock: two reviewers commenting at once both keep
        # their comment (the second reads the file the first saved).
        with save_lock(args.file), Document.open(args.file) as doc:
            if args.submit:
                change = doc.submit(args.who, args.note)
            elif args.status:
                status = Status.from_text(args.status)
                try:
                    check_note(status, args.note)
                except ReviewError as e:
                    raise UsageError(f"{e}（用 --note 给出）") from None
                change = doc.set_status(status, args.who, args.note)
            else:
                comment = doc.add_comment(args.at, args.comment, args.who)
                doc.save()
                print(f"已添加审核意见 {comment.id}：{TargetLabeler(doc.load_form(), doc.template).label(comment.location)}")
                return 0
            doc.save()
            print(f"{change.status.label}：{args.file}（指纹 {short(change.fingerprint)}）")
            return 0
    with Document.open(args.file, read_only=True) as doc:
        form = doc.load_form()
        review = doc.review()
        labels = TargetLabeler(form, doc.template)
        current = doc.fingerprint()
        modified = doc.modified_since_status()
        print(f"{args.file}：{status_text(review)}")
        print(f"  当前指纹：{current}")
        if modified:
            print(f"  文件在{review.status.label}后被修改（记录的指纹 {short(review.last_change.fingerprint)}）")
        for change in review.history:
            note = f"：{change.note}" if change.note else ""
            print(f"  {change.when[:16].replace('T', ' ')} {change.status.label} · {change.who}{note}")
        for c in review.comments:
            print(f"  [意见 {c.id}] {labels.label(c.location)}：{c.text}（{c.author}，{c.created[:16].replace('T', ' ')}）")
    return 1 if modified else 0
