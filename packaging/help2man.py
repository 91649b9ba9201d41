#!/usr/bin/env python3
"""Writes a man page from a program's own --help, so the page cannot drift from the options.

    help2man.py PROGRAM NAME SUMMARY OUT [--commands]

With --commands, PROGRAM is a command-line tool whose --help lists "NAME COMMAND ..." usage
lines; each command's own --help (Qt's QCommandLineParser format) becomes a subsection.
"""
import os
import re
import subprocess
import sys


def run(argv):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ASAN_OPTIONS="detect_leaks=0")
    # A fixed home keeps the user's own paths out of the page (the tools print ~ for it).
    env["HOME"] = "/nonexistent-home"
    env.pop("XDG_DATA_HOME", None)
    done = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"help2man: {' '.join(argv)} exited with {done.returncode}:\n{done.stderr}")
    return done.stdout


def esc(text):
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return re.sub(r"^([.'])", r"\\&\1", text, flags=re.M)


def parse_qt_help(text):
    """Splits QCommandLineParser's help into usage, description, options and arguments."""
    sections = {"usage": "", "description": [], "Options": [], "Arguments": []}
    current = "description"
    for line in text.splitlines():
        if line.startswith("Usage: "):
            sections["usage"] = line[len("Usage: "):]
        elif line.rstrip(":") in ("Options", "Arguments") and line.endswith(":"):
            current = line.rstrip(":")
        elif current == "description":
            if line.strip():
                sections["description"].append(line.strip())
        elif line.startswith("  ") and not line.startswith("   "):
            name, _, desc = line.strip().partition("  ")
            sections[current].append([name, desc.strip()])
        elif line.strip() and sections[current]:
            sections[current][-1][1] += (" " if not sections[current][-1][1].endswith("/") else "") + line.strip()
    return sections


def items(entries):
    out = []
    for name, desc in entries:
        if name in ("--help-all",):
            continue
        bold = re.sub(r"(<[^>]+>)", lambda m: "\\fI" + m.group(1)[1:-1] + "\\fR\\fB", esc(name))
        out += [".TP", f"\\fB{bold}\\fR", esc(desc)]
    return out


def main():
    args = sys.argv[1:]
    commands = "--commands" in args
    args = [a for a in args if a != "--commands"]
    program, name, summary, out_path = args
    version = run([program, "--version"]).split()[-1]
    lines = [f'.TH {name.upper()} 1 "" "{name} {version}" "User Commands"',
             ".SH NAME", f"{esc(name)} \\- {esc(summary)}"]
    if commands:
        overview = run([program, "--help"]).splitlines()
        usage = [l for l in overview if "usage:" in l or l.startswith("       ") or l.startswith("    ")]
        lines += [".SH SYNOPSIS", ".nf"] + [esc(l.replace("usage: ", "").strip()) for l in usage] + [".fi"]
        names = []
        for l in usage:
            m = re.match(r"\s*(?:usage: )?" + re.escape(name) + r" (\w+)", l)
            if m and m.group(1) not in names:
                names.append(m.group(1))
        rest = [l for l in overview if l not in usage and l.strip()]
        lines += [".SH COMMANDS"]
        for command in names:
            sec = parse_qt_help(run([program, command, "--help"]))
            sec["usage"] = re.sub(r"^\S+", name, sec["usage"])
            lines += [f".SS {esc(command)}", f"\\fB{esc(sec['usage'])}\\fR", ".PP"]
            if sec["description"]:
                lines += [esc(" ".join(sec["description"])), ".PP"]
            lines += items(sec["Arguments"]) + items(sec["Options"])
        for l in rest:
            if l.startswith("exit codes:"):
                lines += [".SH EXIT STATUS", esc(l[len("exit codes:"):].strip())]
    else:
        sec = parse_qt_help(run([program, "--help"]))
        sec["usage"] = re.sub(r"^\S+", name, sec["usage"])
        lines += [".SH SYNOPSIS", f"\\fB{esc(sec['usage'])}\\fR", ".SH DESCRIPTION",
                  esc(" ".join(sec["description"])), ".SH OPTIONS"]
        lines += items(sec["Options"]) + [".SH ARGUMENTS"] + items(sec["Arguments"])
    lines += [".SH SEE ALSO"]
    lines += ["\\fBspanscope\\-cli\\fR(1)" if name == "spanscope" else "\\fBspanscope\\fR(1)"]
    with open(out_path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
