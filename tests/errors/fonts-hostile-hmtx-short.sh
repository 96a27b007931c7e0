# a damaged font (hmtx-short, see tests/hostile_font.sh) embedded in a PDF: read
# and subset within bounds
hostile_font hmtx-short
