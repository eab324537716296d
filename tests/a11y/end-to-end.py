#!/usr/bin/python3
"""End-to-end accessibility test of exegia-signin (issue 14).

Usage (under tests/support/with-keyring.sh, which gives a throwaway HOME and
D-Bus session with an unlocked Secret Service):
    /usr/bin/python3 end-to-end.py APP

Starts Xvfb (a free display, -displayfd), the AT-SPI bus and the real app in
local mode, then drives it only through accessible roles and names, the way
a screen reader user or voice control would: guest -> save with Google (the
emulator's identity provider, through a fake xdg-open that follows the
redirects with curl) -> sign out -> email code (read in the app's Local
inbox) -> create profile -> restart restores the session.

On every screen it fails when a focusable, showing control has no name, when
a label's name does not contain its text, or when an alert (an error) is
showing without an AT-SPI "showing" event having announced it.
Exit status: 0 pass, 1 fail, 77 skip (no pyatspi or Xvfb).
"""
import ctypes
import ctypes.util
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time

PROCS = []


class Failure(Exception):
    pass


def start(cmd, **kwargs):
    proc = subprocess.Popen(cmd, start_new_session=True, **kwargs)
    PROCS.append(proc)
    return proc


def stop(proc, timeout=10):
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def stop_all():
    for proc in reversed(PROCS):
        try:
            stop(proc)
        except ProcessLookupError:
            pass


def start_xvfb(log):
    """Xvfb on the first free display (-displayfd); returns ':N'. -noreset:
    a client that leaves must not make the server restart under the next."""
    read_end, write_end = os.pipe()
    proc = start(["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x1024x24",
                  "-nolisten", "tcp", "-noreset"], pass_fds=(write_end,), stderr=log)
    os.close(write_end)
    said = b""
    deadline = time.monotonic() + 20
    # Read up to the newline: Xvfb writes the number and the newline
    # separately, and dies if the pipe is closed in between.
    while not said.endswith(b"\n") and time.monotonic() < deadline:
        ready, _, _ = select.select([read_end], [], [], 1)
        chunk = os.read(read_end, 32) if ready else b""
        if ready and not chunk:
            break
        said += chunk
    os.close(read_end)
    if not said.endswith(b"\n") or proc.poll() is not None:
        raise Failure("Xvfb did not start")
    return ":" + said.decode().strip()


def wait_until(what, check, timeout=30):
    """Polls `check` (pumping AT-SPI events) until it returns a true value."""
    from gi.repository import GLib
    context = GLib.MainContext.default()
    deadline = time.monotonic() + timeout
    while True:
        while context.pending():
            context.iteration(False)
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise Failure("timed out waiting for " + what)
        time.sleep(0.05)


def start_atspi_bus():
    start(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"],
          stderr=subprocess.DEVNULL)

    def bus_ready():
        # Asking for the address before the launcher owns its name would
        # have D-Bus start a second one.
        reply = subprocess.run(
            ["dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus",
             "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner",
             "string:org.a11y.Bus"], capture_output=True, text=True).stdout
        return "boolean true" in reply
    deadline = time.monotonic() + 20
    while not bus_ready():
        if time.monotonic() > deadline:
            raise Failure("the AT-SPI bus did not start")
        time.sleep(0.05)


def fake_browser(folder, email, name):
    """An xdg-open that follows the sign-in redirects as a browser would,
    adding login_hint (and the name) for the emulator's identity provider."""
    path = os.path.join(folder, "xdg-open")
    with open(path, "w") as script:
        script.write('#!/bin/sh\nexec curl -sSL -o /dev/null "$1&login_hint=%s&name=%s"\n'
                     % (email, name.replace(" ", "%20")))
    os.chmod(path, 0o755)


def close_window(display, title):
    """Asks the window to close (WM_DELETE_WINDOW), as a window manager's
    close button does, so the app quits the normal way."""
    tree = subprocess.run(["xwininfo", "-display", display, "-root", "-tree"],
                          capture_output=True, text=True).stdout
    ids = [int(m.group(1), 16) for m in
           re.finditer(r'^\s*(0x[0-9a-f]+) "%s"' % re.escape(title), tree, re.M)]
    if not ids:
        raise Failure("no X window titled " + title)
    x11 = ctypes.cdll.LoadLibrary(ctypes.util.find_library("X11"))
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XInternAtom.restype = ctypes.c_ulong
    x11.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    x11.XSendEvent.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_long,
                               ctypes.c_void_p]
    x11.XFlush.argtypes = [ctypes.c_void_p]
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]

    class ClientMessage(ctypes.Structure):
        _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong),
                    ("send_event", ctypes.c_int), ("display", ctypes.c_void_p),
                    ("window", ctypes.c_ulong), ("message_type", ctypes.c_ulong),
                    ("format", ctypes.c_int), ("data", ctypes.c_long * 5)]

    class Event(ctypes.Union):
        _fields_ = [("xclient", ClientMessage), ("pad", ctypes.c_long * 24)]
    dpy = x11.XOpenDisplay(display.encode())
    event = Event()
    event.xclient.type = 33  # ClientMessage
    event.xclient.display = dpy
    event.xclient.message_type = x11.XInternAtom(dpy, b"WM_PROTOCOLS", 0)
    event.xclient.format = 32
    event.xclient.data[0] = x11.XInternAtom(dpy, b"WM_DELETE_WINDOW", 0)
    for window in ids:
        event.xclient.window = window
        x11.XSendEvent(dpy, window, 0, 0, ctypes.byref(event))
    x11.XFlush(dpy)
    x11.XCloseDisplay(dpy)


class App:
    """The running app as AT-SPI shows it."""

    def __init__(self, pyatspi, announced):
        self.at = pyatspi
        self.announced = announced
        self.root = None

    def attach(self):
        def find_app():
            desktop = self.at.Registry.getDesktop(0)
            for app in desktop:
                if app is not None and "exegia" in (app.name or "").lower():
                    return app
            return None
        self.root = wait_until("the app on the AT-SPI bus", find_app)

    def nodes(self, node=None):
        node = node or self.root
        stack = [node]
        while stack:
            current = stack.pop()
            yield current
            try:
                stack.extend(child for child in current if child is not None)
            except Exception:  # a node that went away meanwhile
                pass

    def showing(self, node):
        try:
            state = node.getState()
            return state.contains(self.at.STATE_SHOWING) and state.contains(self.at.STATE_VISIBLE)
        except Exception:
            return False

    def find(self, role, name, enabled=True):
        for node in self.nodes():
            try:
                if node.getRole() != role or node.name != name or not self.showing(node):
                    continue
                if enabled and not node.getState().contains(self.at.STATE_SENSITIVE):
                    continue
                return node
            except Exception:
                continue
        return None

    def wait(self, role, name, timeout=30):
        return wait_until("%s %r" % (role, name), lambda: self.find(role, name), timeout)

    def press(self, name):
        button = self.wait(self.at.ROLE_PUSH_BUTTON, name)
        action = button.queryAction()
        for i in range(action.nActions):
            if action.getName(i) == "Press":
                action.doAction(i)
                return
        raise Failure("button %r cannot be pressed" % name)

    def type_into(self, name, text):
        field = self.wait(self.at.ROLE_TEXT, name)
        field.queryEditableText().setTextContents(text)

    def dump(self):
        """What is on screen, for the log of a failed run."""
        lines = []
        for node in self.nodes():
            if self.showing(node):
                try:
                    lines.append("%s %r" % (node.getRoleName(), node.name))
                except Exception:
                    pass
        return "\n".join(lines)

    def check_screen(self, where):
        """Names on every focus stop; label text inside the label's name;
        every showing alert announced."""
        problems = []
        for node in self.nodes():
            try:
                if not self.showing(node):
                    continue
                role, name = node.getRole(), node.name or ""
                state = node.getState()
                if state.contains(self.at.STATE_FOCUSABLE) and not name.strip():
                    problems.append("%s without a name" % node.getRoleName())
                if role == self.at.ROLE_LABEL:
                    # An elided label shows the start of its name.
                    text = node.queryText().getText(0, -1).rstrip("\u2026")
                    if text and text not in name:
                        problems.append("label %r named %r" % (text, name))
                if role == self.at.ROLE_ALERT and name not in self.announced:
                    problems.append("alert %r shown without an announcement" % name)
            except Exception:  # no Text interface, or gone meanwhile
                continue
        if problems:
            raise Failure(where + ": " + "; ".join(problems))
        print("ok: " + where, flush=True)


def scenario(app, pyatspi):
    at = pyatspi
    app.attach()
    app.wait(at.ROLE_PUSH_BUTTON, "Continue as guest", 60)
    app.check_screen("sign-in page")

    # A wrong address: the error is an alert, announced, under the field.
    app.type_into("Email address", "nobody")
    app.press("Email me a code")
    wait_until("the email error announced",
               lambda: any("email address" in n for n in app.announced))
    app.check_screen("sign-in page with an error")

    app.press("Continue as guest")
    app.wait(at.ROLE_PUSH_BUTTON, "Save with Google")
    app.check_screen("guest account")

    app.press("Save with Google")
    # The sign-in method is named with the account it is (issue 13).
    app.wait(at.ROLE_LABEL, "Google: Linked as a11y-google@example.com", 60)
    app.check_screen("account saved with Google")

    app.press("Sign out")
    app.wait(at.ROLE_PUSH_BUTTON, "Email me a code")
    email = "a11y-%d@example.com" % os.getpid()
    app.type_into("Email address", email)
    app.press("Email me a code")
    app.wait(at.ROLE_TEXT, "6-digit code")
    app.check_screen("code page")

    app.press("Local inbox")

    def code_in_inbox():
        table = app.find(at.ROLE_TREE, "Received codes", enabled=False)
        if table is None:
            return None
        for node in app.nodes(table):
            if re.fullmatch(r"\d{6}", node.name or ""):
                return node.name
        return None
    code = wait_until("a code in the local inbox", code_in_inbox)
    app.check_screen("local inbox")
    app.press("Close")
    app.type_into("6-digit code", code)
    app.press("Verify")
    app.wait(at.ROLE_PUSH_BUTTON, "Create profile")
    app.check_screen("register page")
    app.type_into("Display name", "A11y Person")
    app.press("Create profile")
    app.wait(at.ROLE_PUSH_BUTTON, "Sign out everywhere")
    app.wait(at.ROLE_LABEL, "A11y Person")
    app.check_screen("account page")
    return email


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    app_path = sys.argv[1]
    if not shutil.which("Xvfb") or not os.path.exists("/usr/libexec/at-spi-bus-launcher"):
        print("SKIP: Xvfb or at-spi2-core missing")
        return 77
    try:
        import gi  # noqa: F401
    except ImportError:
        print("SKIP: python3-gi missing")
        return 77
    folder = tempfile.mkdtemp(prefix="exegia-a11y-")
    try:
        xvfb_log = open(os.path.join(folder, "xvfb.log"), "w")
        display = start_xvfb(xvfb_log)
        start_atspi_bus()
        os.environ["DISPLAY"] = display
        try:
            import pyatspi
        except ImportError:
            print("SKIP: python3-pyatspi missing")
            return 77
        announced = set()

        def on_showing(event):
            try:
                if event.detail1 == 1 and event.source.getRole() == pyatspi.ROLE_ALERT:
                    announced.add(event.source.name or "")
            except Exception:
                pass
        pyatspi.Registry.registerEventListener(on_showing, "object:state-changed:showing")

        fake_browser(folder, "a11y-google@example.com", "Ada Lovelace")
        env = dict(os.environ, PATH=folder + ":" + os.environ["PATH"],
                   QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", QT_QPA_PLATFORM="xcb",
                   QT_ACCESSIBILITY="1")
        env.pop("EXEGIA_TEST_PROBE", None)
        log = open(os.path.join(folder, "app.log"), "w")

        def launch():
            return start([app_path, "--local", "--lang", "en"], env=env, stdout=log, stderr=log)
        first = launch()
        app = App(pyatspi, announced)
        try:
            scenario(app, pyatspi)
        except Failure:
            if app.root is not None:
                print(app.dump(), file=sys.stderr)
            raise

        close_window(display, "Exegia Sign-In")
        first.wait(30)
        second = launch()
        app = App(pyatspi, announced)
        app.attach()
        app.wait(pyatspi.ROLE_PUSH_BUTTON, "Sign out everywhere", 60)
        app.wait(pyatspi.ROLE_LABEL, "A11y Person")
        app.check_screen("restored account")
        close_window(display, "Exegia Sign-In")
        second.wait(30)
        print("PASS")
        return 0
    except (Failure, subprocess.TimeoutExpired) as failure:
        print("FAIL: %s" % failure, file=sys.stderr)
        for name in ("xvfb.log", "app.log"):
            log_path = os.path.join(folder, name)
            if os.path.exists(log_path):
                sys.stderr.write("--- %s\n%s\n" % (name, open(log_path).read()[-4000:]))
        sys.stderr.write("processes: %s\n" % [(p.args[0], p.poll()) for p in PROCS])
        return 1
    finally:
        stop_all()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
