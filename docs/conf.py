# SPDX-License-Identifier: GPL-2.0-or-later
#
# Sphinx configuration of the ipmi-proven docs. As small as the docs need: Debian 12's
# python3-sphinx (5.3) and its default theme, no extension beyond Sphinx's own graphviz
# (which runs Graphviz's `dot`), nothing fetched from the network. docs/meson.build runs
# sphinx-build with warnings as errors, as QEMU's docs build does.

project = 'ipmi-proven'
copyright = 'the ipmi-proven authors, GPL-2.0-or-later'
needs_sphinx = '5.3'

extensions = ['sphinx.ext.graphviz']
# SVG keeps the machine diagrams sharp at any zoom and their labels searchable.
graphviz_output_format = 'svg'

html_theme = 'alabaster'
