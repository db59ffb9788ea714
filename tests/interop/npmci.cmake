# Installs the interop project's locked npm packages once: `npm ci` only when node_modules is
# missing or older than the lockfile, so repeated test runs work offline.
set(_stamp ${DIR}/node_modules/.pnm-installed)
if(EXISTS ${_stamp} AND NOT ${DIR}/package-lock.json IS_NEWER_THAN ${_stamp})
  message(STATUS "npm packages already installed in ${DIR}")
  return()
endif()
execute_process(COMMAND ${NPM} ci --ignore-scripts --no-audit --no-fund
  WORKING_DIRECTORY ${DIR} RESULT_VARIABLE _result)
if(NOT _result EQUAL 0)
  message(FATAL_ERROR "npm ci failed (${_result}); the npm registry must be reachable once")
endif()
file(TOUCH ${_stamp})
