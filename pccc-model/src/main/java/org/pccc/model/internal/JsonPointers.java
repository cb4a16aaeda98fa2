package org.pccc.model.internal;

import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Builds RFC 6901 JSON Pointers from Jackson's paths. */
public final class JsonPointers {
  private JsonPointers() {}

  /** Escapes one reference token. */
  public static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  /** Returns the pointer of a Jackson mapping path. */
  public static String of(List<JsonMappingException.Reference> path) {
    StringBuilder s = new StringBuilder();
    for (JsonMappingException.Reference r : path) {
      if (r.getFieldName() != null) {
        s.append('/').append(escape(r.getFieldName()));
      } else if (r.getIndex() >= 0) {
        s.append('/').append(r.getIndex());
      }
    }
    return s.toString();
  }

  /** Returns the pointer of the value a streaming context is positioned at. */
  public static String of(JsonStreamContext context) {
    Deque<String> tokens = new ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        tokens.push(Integer.toString(Math.max(c.getCurrentIndex(), 0)));
      } else if (c.inObject() && c.getCurrentName() != null) {
        tokens.push(escape(c.getCurrentName()));
      }
    }
    StringBuilder s = new StringBuilder();
    for (String t : tokens) {
      s.append('/').append(t);
    }
    return s.toString();
  }
}
