# a damaged font (composite, see tests/hostile_font.sh) embedded in a PDF: read
# and subset within bounds
hostile_font composite
