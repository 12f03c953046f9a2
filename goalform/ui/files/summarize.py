"""文件 → 汇总文件夹…: the GUI face of ``goalform summarize``.

Asks a folder and an output .xlsx, reads the forms in a worker thread (a pile of 1,000 files must
not freeze the window) behind a progress dialog that can be cancelled, writes the summary and
reports how many forms went in and which files could not be read, with the reasons. A cancelled
run writes nothing: a summary that silently lacks half the folder is worse than none.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

from goalform.domain.messages import first_of
from goalform.ui import telling
from goalform.ui.telling import Choice, Icon, Role, Standard

if TYPE_CHECKING:  # the worker, its thread and the progress dialog are imported when a summary starts
    from PySide6.QtWidgets import QProgressDialog

    from goalform.store.summary_reader import SummaryRead
    from goalform.ui.files.summarize_worker import SummarizeWorker
    from goalform.ui.app.shell import Shell

SUMMARY_NAME = "汇总.xlsx"
MAX_LISTED = 8  # unreadable files named in the report; the rest are counted (all are in its details)


class SummarizeAction(QObject):
    def __init__(self, window: Shell) -> None:
        super().__init__(window)
        self.window = window
        self.action = QAction(self.tr("汇总文件夹…"), window)
        self.action.setObjectName("summarize")
        self.action.triggered.connect(self.ask_and_run)
        self.worker: SummarizeWorker | None = None
        self.progress: QProgressDialog | None = None
        self._output: Path | None = None
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Closing the window stops a running summary first (a QThread must not outlive its owner)."""
        if watched is self.window and event.type() == QEvent.Type.Close and self.worker is not None:
            self.worker.cancel()
            self.worker.wait()
        return False

    def ask_and_run(self) -> None:
        settings = self.window.settings
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("选择要汇总的文件夹"), settings.last_folder)
        if not folder:
            return
        suggested = str(Path(folder) / SUMMARY_NAME)
        output, _ = QFileDialog.getSaveFileName(self.window, self.tr("汇总表保存为"), suggested,
                                                self.tr("Excel 工作簿 (*.xlsx)"))
        if not output:
            return
        target = Path(output)
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        settings.last_folder = folder
        self.start(Path(folder), target)

    def start(self, folder: Path, output: Path) -> SummarizeWorker:
        """Run the summary in a worker behind a cancellable progress dialog."""
        from PySide6.QtWidgets import QProgressDialog

        from goalform.ui.files.summarize_worker import SummarizeWorker

        progress = self.progress = QProgressDialog(self.tr("正在读取表格…"), self.tr("取消"), 0, 0, self.window)
        progress.setObjectName("summarize_progress")
        progress.setWindowTitle(self.tr("汇总文件夹"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        self._output = output
        worker = self.worker = SummarizeWorker(folder, output, self)
        progress.canceled.connect(worker.cancel)
        worker.progressed.connect(self._on_progress)
        worker.succeeded.connect(self._on_done)
        worker.failed.connect(self._on_failed)
        worker.finished.connect(self._cleanup)
        self.action.setEnabled(False)
        worker.start()
        return worker

    def _on_progress(self, done: int, total: int, name: str) -> None:
        if self.progress is None or self.progress.wasCanceled():
            return
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        self.progress.setLabelText(self.tr("正在读取 %1/%2：%3").replace("%1", str(done + 1))
                                   .replace("%2", str(total)).replace("%3", name))

    def _cleanup(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        if self.worker is not None:
            self.worker.deleteLater()
            self.worker = None
        self.action.setEnabled(True)

    def _on_failed(self, message: str) -> None:
        self._close_progress()
        telling.warn(self.window, self.tr("汇总文件夹"), message)  # type: ignore[arg-type]

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.close()

    def _on_done(self, result: SummaryRead) -> None:
        self._close_progress()
        output = self._output
        title = self.tr("汇总文件夹")
        lines = [f"{Path(u.path).name}：{u.reason}" for u in result.unreadable]
        if result.cancelled:
            text = self.tr("已取消，未写入汇总表（已读取 %1 个文件）。").replace("%1", str(result.total))
            icon = Icon.Information
        elif not result.summaries:
            goal_found = any(u.path.lower().endswith(".goal") for u in result.unreadable)
            text = (self.tr("没有一张表能够读取，未写入汇总表。") if goal_found
                    else self.tr("所选文件夹中没有 goalform 表格（.goal），未写入汇总表。"))
            icon = Icon.Warning
        else:
            text = self.tr("已汇总 %1 张表到「%2」。").replace("%1", str(len(result.summaries))).replace("%2", str(output))
            if result.unreadable:
                text += "\n" + self.tr("%1 个文件未能汇总（也列在汇总表的「未汇总的文件」页）：").replace(
                    "%1", str(len(result.unreadable)))
                text += "\n" + "\n".join(first_of(lines, MAX_LISTED, self.tr("……另有 %1 个文件")))
            incomplete = sum(1 for s in result.summaries if s.unreadable_amounts)
            if incomplete:
                text += "\n" + self.tr("%1 张表有无法读取的金额，未计入合计：汇总表中的合计不完整（见「无法读取的金额」列）。") \
                    .replace("%1", str(incomplete))
            icon = Icon.Warning if result.unreadable or incomplete else Icon.Information
        written = output is not None and output.exists() and not result.cancelled and bool(result.summaries)
        opened = telling.choose(self.window, icon, title, text,  # type: ignore[arg-type]
                        [Choice(self.tr("打开汇总表"), Role.ActionRole)] if written else [], standard=Standard.Close,
                        details="\n".join(f"{u.path}：{u.reason}" for u in result.unreadable), name="summarize_report")
        if opened == 0:
            from PySide6.QtCore import QUrl
            from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(QUrl.fromLocalFile(str(output)))
