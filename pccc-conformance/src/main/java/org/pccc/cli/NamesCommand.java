package org.pccc.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.pccc.model.names.NameForms;
import org.pccc.model.names.NameLanguage;
import org.pccc.model.names.Transliterator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pccc names [--json] [--lang sr|mk|bg|el|cnr] [--match] NAME...}: shows the forms of
 * personal names across scripts, or tells whether two names match.
 *
 * <p>JSON: {@code {"names":[{"original","script","nationalLatin","icao","mrz","primaryKey",
 * "matchKeys":[...]}]}}; with {@code --match}: {@code {"match":bool,"sharedKeys":[...]}} (exit 0
 * match, 1 no match).
 */
@Command(name = "names", mixinStandardHelpOptions = true, versionProvider = Pccc.Version.class,
    description = {"Transliterates names (Cyrillic, Greek, Latin): script, national Latin, ICAO 9303, MRZ field, match keys.",
        "--match A B tells whether two names may be the same person's name (exit 0 match, 1 no match).",
        "--json prints {\"names\":[{\"original\",\"script\",\"nationalLatin\",\"icao\",\"mrz\",\"primaryKey\",\"matchKeys\"}]}",
        "or, with --match, {\"match\":bool,\"sharedKeys\":[...]}."})
final class NamesCommand extends CommandBase {
  /** The languages accepted by {@code --lang}, by ISO 639 code. */
  enum Lang {
    sr(NameLanguage.SERBIAN), mk(NameLanguage.MACEDONIAN), bg(NameLanguage.BULGARIAN),
    el(NameLanguage.GREEK), cnr(NameLanguage.MONTENEGRIN);

    final NameLanguage language;

    Lang(NameLanguage language) {
      this.language = language;
    }
  }

  @Option(names = "--json", description = "Print one JSON object on stdout.")
  boolean json;

  @Option(names = "--lang", paramLabel = "sr|mk|bg|el|cnr",
      description = "The language of Cyrillic letters (default: guessed from the letters).")
  Lang lang;

  @Option(names = "--match", description = "Compare exactly two names.")
  boolean match;

  @Parameters(arity = "1..*", paramLabel = "NAME", description = "Names in any script.")
  List<String> names;

  private NameForms forms(String name) {
    return lang == null ? NameForms.of(name) : NameForms.of(name, lang.language);
  }

  @Override
  protected int run() {
    if (match) {
      if (names.size() != 2) {
        throw CliException.config("--match needs exactly two names");
      }
      NameForms a = forms(names.get(0));
      NameForms b = forms(names.get(1));
      Set<String> shared = new TreeSet<>(a.matchKeys());
      shared.retainAll(b.matchKeys());
      boolean matches = !shared.isEmpty();
      if (json) {
        ObjectNode o = Json.object().put("match", matches);
        shared.forEach(o.putArray("sharedKeys")::add);
        out().println(Json.write(o));
      } else {
        out().println(matches ? "match (shared keys: " + String.join(", ", shared) + ")" : "no match");
      }
      out().flush();
      return matches ? ExitCodes.OK : ExitCodes.REJECTED;
    }
    ObjectNode result = Json.object();
    ArrayNode array = result.putArray("names");
    for (String name : names) {
      NameForms f = forms(name);
      String mrz = lang == null ? Transliterator.toMrzField(name) : Transliterator.toMrzField(name, lang.language);
      if (json) {
        ObjectNode o = array.addObject();
        o.put("original", f.original());
        o.put("script", f.script().name());
        o.put("nationalLatin", f.nationalLatin());
        o.put("icao", f.icao());
        o.put("mrz", mrz);
        o.put("primaryKey", f.primaryKey());
        f.matchKeys().forEach(o.putArray("matchKeys")::add);
      } else {
        out().println(f.original());
        out().println("  script:         " + f.script());
        out().println("  national Latin: " + f.nationalLatin());
        out().println("  ICAO:           " + f.icao());
        out().println("  MRZ field:      " + mrz);
        out().println("  primary key:    " + f.primaryKey());
        out().println("  match keys:     " + String.join(", ", f.matchKeys()));
      }
    }
    if (json) {
      out().println(Json.write(result));
    }
    out().flush();
    return ExitCodes.OK;
  }
}
