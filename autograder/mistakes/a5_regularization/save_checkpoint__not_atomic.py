"""save_checkpoint that writes straight to the target path: a crash mid-write destroys the old checkpoint."""
COMPONENT = "save_checkpoint"
FILE = "callbacks.py"
HINT = ("A crash while saving left a damaged checkpoint: you write directly over the previous file, so for "
        "a moment it is half old, half new, or empty. Write to a temporary file in the same folder, flush "
        "and fsync it, then rename it into place (handout section 9, atomic writes).")
CHANGES = [("    folder = os.path.dirname(os.path.abspath(path))\n"
            '    handle, temporary = tempfile.mkstemp(dir=folder, prefix=os.path.basename(path) + ".", suffix=".tmp")\n'
            "    try:\n"
            '        with os.fdopen(handle, "wb") as file:\n'
            "            torch.save(checkpoint, file)\n"
            "            file.flush()                  # Python's buffer -> the operating system\n"
            "            os.fsync(file.fileno())       # the operating system's cache -> the disk\n"
            "        os.replace(temporary, path)\n"
            "    except BaseException:\n"
            "        if os.path.exists(temporary):\n"
            "            os.remove(temporary)\n"
            "        raise\n",
            "    torch.save(checkpoint, path)\n")]
