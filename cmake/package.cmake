# Installation and the Debian package (cpack -G DEB → directive-tracker_<version>_amd64.deb).
# The programs find their data relative to themselves (core/assets.h): <bin>/../share/directive-tracker.
include(GNUInstallDirs)
set(DT_APP_ID org.directive_tracker.DirectiveTracker)
set(pkg ${PROJECT_SOURCE_DIR}/packaging)
set(out ${PROJECT_BINARY_DIR}/packaging)

install(TARGETS dtrack dtrack-report directive-tracker RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# The agency registry, the seed directive and the examples that `dtrack init` and the docs use.
install(FILES assets/07-CT-UBND-cao-bang.txt assets/agencies-cao-bang.csv assets/report-template.docx
  DESTINATION ${CMAKE_INSTALL_DATADIR}/directive-tracker)
install(FILES assets/examples/README.md assets/examples/entries.csv assets/examples/investors.csv
  assets/examples/projects.csv DESTINATION ${CMAKE_INSTALL_DATADIR}/directive-tracker/examples)
install(PROGRAMS assets/examples/load-example.sh DESTINATION ${CMAKE_INSTALL_DATADIR}/directive-tracker/examples)

# The desktop: entry, AppStream metadata, icon (the PNGs are rendered from the SVG with
# `rsvg-convert -w N -h N directive-tracker.svg -o directive-tracker-N.png` and committed).
install(FILES ${pkg}/${DT_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
configure_file(${pkg}/${DT_APP_ID}.metainfo.xml ${out}/${DT_APP_ID}.metainfo.xml @ONLY)
install(FILES ${out}/${DT_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${pkg}/icons/directive-tracker.svg DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
foreach(size 16 32 48 64 128 256)
  install(FILES ${pkg}/icons/directive-tracker-${size}.png
    DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps RENAME directive-tracker.png)
endforeach()

# Manual pages and the changelog, with the version filled in and compressed as Debian wants
# (gzip -9n: no time stamp, so the same sources give the same package).
find_program(GZIP gzip REQUIRED)
foreach(file man/dtrack.1 man/dtrack-report.1 man/directive-tracker.1 changelog)
  configure_file(${pkg}/${file} ${out}/${file} @ONLY)
  execute_process(COMMAND ${GZIP} -9nf ${out}/${file} COMMAND_ERROR_IS_FATAL ANY)
endforeach()
install(FILES ${out}/man/dtrack.1.gz ${out}/man/dtrack-report.1.gz ${out}/man/directive-tracker.1.gz
  DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${pkg}/completion/dtrack DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
install(FILES ${pkg}/copyright ${out}/changelog.gz README.md docs/HUONG-DAN.md docs/CLI.md docs/ARCHITECTURE.md
  DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/directive-tracker)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME directive-tracker)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "Directive Tracker team <team@directive-tracker.org>")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)  # dpkg-shlibdeps (dpkg-dev) computes the libraries
# What dpkg-shlibdeps cannot see: the fonts the GUI and the PDF open by name, xdg-open.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-dejavu-core, fonts-liberation2, xdg-utils")
# The Báo cáo view prints through CUPS' lp when it is there, and says so when it is not.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "cups-client")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "follow a directive's tasks per agency
Directive Tracker helps a provincial People's Committee office follow the
implementation of its directives: each task, for each agency that must carry
it out, with its deadline, status, evidence and extension requests, and the
progress report as PDF, XLSX, HTML or CSV.
.
This package holds the desktop application (directive-tracker), the command
line (dtrack, dtrack-report) and the Cao Bang agency registry and seed
directive that `dtrack init` uses.")
set(CPACK_STRIP_FILES ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
  OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
include(CPack)
