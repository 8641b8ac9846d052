# WriteIfChanged.cmake - mf_write_if_changed(<file> <content>): writes the file only when its
# content differs, so a rebuild that makes the same bytes leaves the file (and its time stamp, and
# everything depending on it) alone. Sets MF_WRITTEN in the caller to TRUE when it wrote.
function(mf_write_if_changed file content)
  set(old "")
  if(EXISTS "${file}")
    file(READ "${file}" old)
  endif()
  if(old STREQUAL content)
    set(MF_WRITTEN FALSE PARENT_SCOPE)
  else()
    file(WRITE "${file}" "${content}")
    set(MF_WRITTEN TRUE PARENT_SCOPE)
  endif()
endfunction()
