package org.pccc.model.code;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Lookup of enum code list values by wire code. Package-private plumbing. */
final class Codes {
  private Codes() {}

  static <E extends Enum<E> & CodeList> Map<String, E> index(Class<E> type) {
    return Arrays.stream(type.getEnumConstants())
        .collect(Collectors.toUnmodifiableMap(CodeList::code, Function.identity()));
  }

  static <E extends Enum<E> & CodeList> E lookup(Map<String, E> index, Class<E> type, String code) {
    E value = code == null ? null : index.get(code);
    if (value == null) {
      throw new IllegalArgumentException("unknown " + type.getSimpleName() + " code");
    }
    return value;
  }
}
