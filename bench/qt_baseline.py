"""The yardstick for bench_startup: a bare PySide6 QMainWindow, from process start to its first painted
frame, reported the way goalform's GOALFORM_STARTUP_PROBE does (``goalform-painted <time> <CPU>``).
Same window size as goalform's first window; nothing in it."""
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class _Painted(QObject):
    def eventFilter(self, obj, event):  # noqa: N802, ANN001, ANN201 - Qt override
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self.report)
            QApplication.instance().removeEventFilter(self)
        return False

    def report(self) -> None:
        print(f"goalform-painted {time.time():.6f} {time.process_time():.6f}", flush=True)
        QApplication.quit()


app = QApplication(sys.argv[:1])
probe = _Painted()
app.installEventFilter(probe)
window = QMainWindow()
window.resize(1280, 720)
window.show()
sys.exit(app.exec())
