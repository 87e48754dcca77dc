# tabletap_add_test(<name> SOURCES <files...> LIBS <targets...> [LABELS <labels...>]
#                   [TIMEOUT <seconds>] [ENV <VAR=value...>])
# Builds tests/<area>/<name>.cpp into one executable and registers it with CTest.
function(tabletap_add_test name)
    cmake_parse_arguments(T "" "TIMEOUT" "SOURCES;LIBS;LABELS;ENV" ${ARGN})
    if(NOT T_SOURCES)
        set(T_SOURCES ${name}.cpp)
    endif()
    qt_add_executable(${name} ${T_SOURCES})
    target_link_libraries(${name} PRIVATE Qt6::Test ${T_LIBS})
    # Tests may build QStrings from literals freely.
    target_compile_definitions(${name} PRIVATE QT_RESTRICTED_CAST_FROM_ASCII)
    target_compile_options(${name} PRIVATE -UQT_NO_CAST_FROM_ASCII)
    set_target_properties(${name} PROPERTIES MACOSX_BUNDLE OFF)
    add_test(NAME ${name} COMMAND ${name})
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 120)
    endif()
    set_tests_properties(${name} PROPERTIES TIMEOUT ${T_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;${T_ENV}")
    if(T_LABELS)
        set_tests_properties(${name} PROPERTIES LABELS "${T_LABELS}")
    endif()
endfunction()
