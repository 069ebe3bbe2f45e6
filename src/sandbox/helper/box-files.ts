/**
 * Small files bound read-only into every box at /sandbox, besides the supervisor.
 */

/**
 * matplotlib backend selected with MPLBACKEND=module://labmate_mpl_backend. It draws with Agg (no display needed)
 * and turns every `plt.show()` into PNG files in the working directory, which come back as artifacts like any file
 * the program writes (so `savefig` needs nothing special). A backend module costs nothing when matplotlib is unused.
 */
export const MPL_BACKEND_PY = `"""Headless matplotlib backend of the LabMate sandbox: show() saves each open figure as plot-N.png."""
from matplotlib._pylab_helpers import Gcf
from matplotlib.backends.backend_agg import FigureCanvasAgg as FigureCanvas
from matplotlib.figure import Figure

_shown = 0
_savefig = Figure.savefig


def _remember_savefig(self, *args, **kwargs):
    self._labmate_saved = True
    return _savefig(self, *args, **kwargs)


Figure.savefig = _remember_savefig


def show(*args, **kwargs):
    global _shown
    for manager in Gcf.get_all_fig_managers():
        figure = manager.canvas.figure
        # "savefig then show" would otherwise return the same picture twice.
        if getattr(figure, "_labmate_saved", False) and not figure.stale:
            continue
        _shown += 1
        _savefig(figure, f"plot-{_shown}.png")
    Gcf.destroy_all()
`;

/**
 * sitecustomize of the box (on PYTHONPATH, so it replaces Debian's). matplotlib scans every font into a cache the
 * first time it is imported, about a second; each box starts empty, so the cache is built once on the host
 * (helper/install.ts) and copied into MPLCONFIGDIR when, and only when, the program imports matplotlib.
 */
export const SITECUSTOMIZE_PY = `"""LabMate sandbox start-up: seeds matplotlib's font cache on the first import of matplotlib."""
import os
import sys


class _SeedMatplotlibCache:
    seed = "/sandbox/matplotlib"

    def find_spec(self, name, path=None, target=None):
        if name == "matplotlib":
            sys.meta_path.remove(self)
            target_dir = os.environ.get("MPLCONFIGDIR", "")
            if target_dir and os.path.isdir(self.seed) and not os.path.exists(target_dir):
                os.makedirs(target_dir)
                for entry in os.listdir(self.seed):
                    with open(os.path.join(self.seed, entry), "rb") as src:
                        with open(os.path.join(target_dir, entry), "wb") as dst:
                            dst.write(src.read())
        return None


sys.meta_path.insert(0, _SeedMatplotlibCache())
`;

/**
 * Linked into C and C++ programs. A terminal makes stdin and stdout line-buffered, and glibc flushes line-buffered
 * output before it reads line-buffered input; through pipes both are fully buffered, so a `printf("Enter n: ")`
 * prompt would stay in the buffer until exit. Restoring the terminal's buffering keeps prompts where they belong.
 */
export const TTY_BUFFERING_C = `#include <stdio.h>
__attribute__((constructor)) static void labmate_terminal_buffering(void) {
  setvbuf(stdin, NULL, _IOLBF, BUFSIZ);
  setvbuf(stdout, NULL, _IOLBF, BUFSIZ);
}
`;

/** The box's /etc/passwd and /etc/group: one unprivileged user, so `getpwuid` (Java's user.home) has an answer. */
export const PASSWD = 'student:x:65534:65534:student:/tmp:/usr/sbin/nologin\n';
export const GROUP = 'student:x:65534:\n';
