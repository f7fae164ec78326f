#!/usr/bin/env bash
# Ribbon and add-in icons (assets/*.png) drawn with ImageMagick on an 80-unit canvas, scaled per size:
# a Fluent-blue tile with a white glyph. Re-run after changing a glyph: `bash scripts/icons.sh`.
set -euo pipefail
cd "$(dirname "$0")/../assets"
BLUE='#0F6CBD'
declare -A GLYPH=(
  [icon]="rectangle 18,20 62,26 rectangle 18,34 62,38 rectangle 18,46 62,50 rectangle 18,58 62,62 rectangle 34,20 37,62"
  [template]="rectangle 16,18 52,22 rectangle 16,18 20,58 rectangle 16,54 40,58 rectangle 48,18 52,36 rectangle 16,32 40,35 rectangle 16,43 40,46 rectangle 53,42 59,66 rectangle 44,51 68,57"
  [check]="polygon 16,42 24,34 35,45 58,20 66,28 35,61"
  [duplicates]="rectangle 14,16 48,22 rectangle 14,16 20,50 rectangle 14,44 26,50 rectangle 30,30 66,64 fill ${BLUE} rectangle 36,36 60,58"
  [summary]="rectangle 16,44 28,64 rectangle 34,28 46,64 rectangle 52,16 64,64"
)
for name in "${!GLYPH[@]}"; do
  sizes="16 32 80"
  [ "$name" = icon ] && sizes="16 32 64 80"
  for size in $sizes; do
    s=$(awk "BEGIN { print $size / 80 }")
    convert -size "${size}x${size}" xc:none \
      -draw "scale $s,$s fill ${BLUE} roundrectangle 2,2 78,78 14,14 fill white ${GLYPH[$name]}" \
      -define png:exclude-chunks=date,time -strip "PNG32:${name}-${size}.png"
  done
done
ls -1 *.png
