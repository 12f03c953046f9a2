#!/bin/sh
# Installs goalform for the current user, without root: the bundle into ~/.local/opt/goalform,
# a `goalform` command in ~/.local/bin, the menu entry, the .goal file type and the icons.
#   linux/install.sh              install (or update) from the unpacked bundle this script is in
#   linux/install.sh --uninstall  remove all of that; the user's forms and data are kept
set -eu

HERE=$(cd "$(dirname "$0")/.." && pwd)               # the unpacked bundle (this script is in linux/)
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
DEST=$HOME/.local/opt/goalform
BIN=$HOME/.local/bin
SIZES="16 24 32 48 64 128 256"

refresh() {
    if command -v update-mime-database >/dev/null 2>&1; then update-mime-database "$DATA/mime" || true; fi
    if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database "$DATA/applications" || true; fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then gtk-update-icon-cache -q -t "$DATA/icons/hicolor" || true; fi
}

uninstall() {
    rm -rf "$DEST"
    [ -L "$BIN/goalform" ] && rm -f "$BIN/goalform"
    rm -f "$DATA/applications/goalform.desktop" "$DATA/mime/packages/goalform.xml"
    for size in $SIZES; do
        rm -f "$DATA/icons/hicolor/${size}x${size}/apps/goalform.png" \
              "$DATA/icons/hicolor/${size}x${size}/mimetypes/application-x-goalform.png"
    done
    rm -f "$DATA/icons/hicolor/scalable/apps/goalform.svg"
    refresh
    echo "goalform removed (your .goal files and $DATA/goalform are kept)"
}

install_all() {
    [ -x "$HERE/goalform" ] || { echo "install.sh: no goalform executable in $HERE" >&2; exit 2; }
    icons=$HERE/_internal/goalform/resources/icons
    if [ "$HERE" != "$DEST" ]; then
        rm -rf "$DEST.new"
        mkdir -p "$(dirname "$DEST")"
        cp -a "$HERE" "$DEST.new"
        rm -rf "$DEST"
        mv "$DEST.new" "$DEST"
    fi
    mkdir -p "$BIN" "$DATA/applications" "$DATA/mime/packages" "$DATA/icons/hicolor/scalable/apps"
    ln -sf "$DEST/goalform" "$BIN/goalform"
    # The menu entry runs the installed executable by its full path (~/.local/bin may not be on PATH).
    sed "s|^Exec=goalform |Exec=\"$DEST/goalform\" |" "$HERE/linux/goalform.desktop" > "$DATA/applications/goalform.desktop"
    cp "$HERE/linux/goalform-mime.xml" "$DATA/mime/packages/goalform.xml"
    for size in $SIZES; do
        mkdir -p "$DATA/icons/hicolor/${size}x${size}/apps" "$DATA/icons/hicolor/${size}x${size}/mimetypes"
        cp "$icons/goalform-$size.png" "$DATA/icons/hicolor/${size}x${size}/apps/goalform.png"
        cp "$icons/goalform-$size.png" "$DATA/icons/hicolor/${size}x${size}/mimetypes/application-x-goalform.png"
    done
    cp "$icons/goalform.svg" "$DATA/icons/hicolor/scalable/apps/goalform.svg"
    refresh
    echo "goalform installed in $DEST; run it from the menu or as $BIN/goalform"
}

case "${1:-}" in
    --uninstall) uninstall ;;
    "") install_all ;;
    *) echo "usage: install.sh [--uninstall]" >&2; exit 2 ;;
esac
