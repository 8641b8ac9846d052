"""write_if_changed.py - the build's generators write a file only when its text changes, so a
reconfigure or a rerun does not make everything that depends on it compile again."""


def write_if_changed(path, text):
    try:
        with open(path, encoding="utf-8") as f:
            if f.read() == text:
                return
    except OSError:
        pass
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
