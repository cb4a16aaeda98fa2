package org.pccc.model.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TransliteratorTest {

  @Test
  void multiLetterRomanisationFollowsTheCaseOfTheWord() {
    assertThat(Transliterator.toLatin("Љубиша", NameLanguage.SERBIAN)).isEqualTo("Ljubiša");
    assertThat(Transliterator.toLatin("ЉУБИША", NameLanguage.SERBIAN)).isEqualTo("LJUBIŠA");
    assertThat(Transliterator.toLatin("љубиша", NameLanguage.SERBIAN)).isEqualTo("ljubiša");
    assertThat(Transliterator.toLatin("ПЕТАР Љ", NameLanguage.SERBIAN)).isEqualTo("PETAR LJ");
    assertThat(Transliterator.toLatin("Петар Љ", NameLanguage.SERBIAN)).isEqualTo("Petar Lj");
    assertThat(Transliterator.toLatin("ЖИВКОВ", NameLanguage.BULGARIAN)).isEqualTo("ZHIVKOV");
    assertThat(Transliterator.toLatin("Живков", NameLanguage.BULGARIAN)).isEqualTo("Zhivkov");
    assertThat(Transliterator.toLatin("Θεόδωρος", NameLanguage.GREEK)).isEqualTo("Theodoros");
  }

  @Test
  void theSameCyrillicLettersGiveEachLanguagesRomanisation() {
    String name = "Шишков Жарко Цанев Чочо";
    assertThat(Transliterator.toLatin(name, NameLanguage.SERBIAN)).isEqualTo("Šiškov Žarko Canev Čočo");
    assertThat(Transliterator.toLatin(name, NameLanguage.MACEDONIAN))
        .isEqualTo("Shishkov Zharko Canev Chocho");
    assertThat(Transliterator.toLatin(name, NameLanguage.BULGARIAN))
        .isEqualTo("Shishkov Zharko Tsanev Chocho");
    assertThat(Transliterator.toIcao(name, NameLanguage.SERBIAN)).isEqualTo("SISKOV ZARKO CANEV COCO");
    assertThat(Transliterator.toIcao(name, NameLanguage.MACEDONIAN))
        .isEqualTo("SHISHKOV ZHARKO CANEV CHOCHO");
    assertThat(Transliterator.toIcao(name, NameLanguage.BULGARIAN))
        .isEqualTo("SHISHKOV ZHARKO TSANEV CHOCHO");
  }

  @Test
  void icaoFollowsTheLanguageRowsOfTheCyrillicTable() {
    assertThat(Transliterator.toIcao("Ђ Ћ Џ Х Ц", NameLanguage.SERBIAN)).isEqualTo("D C DZ H C");
    assertThat(Transliterator.toIcao("Ѓ Ќ Ѕ Џ Х Ц", NameLanguage.MACEDONIAN)).isEqualTo("GJ KJ DZ DJ H C");
    assertThat(Transliterator.toIcao("Щ Ъ Й Ю Я Х Ц Ь", NameLanguage.BULGARIAN))
        .isEqualTo("SHT IE I IU IA KH TS");
    // A Russian Щ in a name read as Serbian falls back to the general ICAO row.
    assertThat(Transliterator.toIcao("Щукин", NameLanguage.SERBIAN)).isEqualTo("SHCHUKIN");
    // Deliberate deviation from the table's "Г→H in Serbian" row.
    assertThat(Transliterator.toIcao("Горан", NameLanguage.SERBIAN)).isEqualTo("GORAN");
  }

  @Test
  void greekDigraphsDependOnTheirNeighbours() {
    assertThat(Transliterator.toLatin("Μπάμπης", NameLanguage.GREEK)).isEqualTo("Bampis");
    assertThat(Transliterator.toLatin("Ευρυδίκη Ευθυμίου", NameLanguage.GREEK))
        .isEqualTo("Evrydiki Efthymiou");
    assertThat(Transliterator.toLatin("Άγγελος Αγκίστρι Σφίγξ", NameLanguage.GREEK))
        .isEqualTo("Angelos Agkistri Sfinx");
    assertThat(Transliterator.toLatin("Ευ", NameLanguage.GREEK)).isEqualTo("Ef");
    // An accent on the first vowel or a diaeresis on the second breaks the digraph.
    assertThat(Transliterator.toLatin("άυλος προϋπόθεση", NameLanguage.GREEK)).isEqualTo("aylos proypothesi");
    assertThat(Transliterator.toLatin("ΣΟΦΟΣ σοφος", NameLanguage.GREEK)).isEqualTo("SOFOS sofos");
  }

  @Test
  void bulgarianFinalIyaIsIaOnlyAtTheEndOfAWord() {
    assertThat(Transliterator.toLatin("Виктория Ияна Мариян", NameLanguage.BULGARIAN))
        .isEqualTo("Viktoria Iyana Mariyan");
  }

  @Test
  void decomposedInputIsHandledLikeComposedInput() {
    String decomposed = "Г\u0301орг\u0301и Petrovic\u0301";
    assertThat(Transliterator.toLatin(decomposed, NameLanguage.MACEDONIAN)).isEqualTo("Gjorgji Petrović");
    assertThat(Transliterator.toIcao(decomposed, NameLanguage.MACEDONIAN)).isEqualTo("GJORGJI PETROVIC");
  }

  @Test
  void mixedScriptsAreEachRomanisedByTheirOwnTable() {
    assertThat(Transliterator.toLatin("Marko Петровић Παύλος", NameLanguage.SERBIAN))
        .isEqualTo("Marko Petrović Pavlos");
    assertThat(Transliterator.toIcao("Marko Петровић Παύλος 李")).isEqualTo("MARKO PETROVIC PAVLOS");
  }

  @Test
  void toCyrillicReadsSerbianDigraphsInAnyCase() {
    assertThat(Transliterator.toCyrillic("Ljubiša LJUBIŠA ljubiša", NameLanguage.SERBIAN))
        .isEqualTo("Љубиша ЉУБИША љубиша");
    assertThat(Transliterator.toCyrillic("Džajić Njegoš Đorđević", NameLanguage.SERBIAN))
        .isEqualTo("Џајић Његош Ђорђевић");
    // The single-character digraphs of Unicode are accepted too.
    assertThat(Transliterator.toCyrillic("\u01C5ajić \u01C8ubiša", NameLanguage.SERBIAN)).isEqualTo("Џајић Љубиша");
    // Letters without a Cyrillic counterpart stay Latin.
    assertThat(Transliterator.toCyrillic("Wagner", NameLanguage.SERBIAN)).isEqualTo("Wагнер");
  }

  @Test
  void toCyrillicForMacedonianAndMontenegrin() {
    assertThat(Transliterator.toCyrillic("Gjorgji Kjosev Dzvezdan Džaferi", NameLanguage.MACEDONIAN))
        .isEqualTo("Ѓорѓи Ќосев Ѕвездан Џафери");
    assertThat(Transliterator.toCyrillic("Dzhambazki Zhaklina Chochevska Sheshevski", NameLanguage.MACEDONIAN))
        .isEqualTo("Джамбазки Жаклина Чочевска Шешевски");
    assertThat(Transliterator.toCyrillic("Śerifović Miźanović", NameLanguage.MONTENEGRIN))
        .isEqualTo("С\u0301ерифовић Миз\u0301ановић");
  }

  @Test
  void knownLimitsOfTheReverseDirectionAreAsDocumented() {
    // Д+Ж is written Dž like Џ, so it cannot come back: the documented limit.
    String nadzivети = "надживети";
    String latin = Transliterator.toLatin(nadzivети, NameLanguage.SERBIAN);
    assertThat(latin).isEqualTo("nadživeti");
    assertThat(Transliterator.toCyrillic(latin, NameLanguage.SERBIAN)).isEqualTo("наџивети");
    // Dj is Д+Ј, never Ђ.
    assertThat(Transliterator.toCyrillic("Djordje", NameLanguage.SERBIAN)).isEqualTo("Дјордје");
    // Macedonian С+Х comes back as Ш.
    assertThat(Transliterator.toCyrillic(Transliterator.toLatin("исход", NameLanguage.MACEDONIAN), NameLanguage.MACEDONIAN))
        .isEqualTo("ишод");
  }

  @Test
  void toCyrillicRejectsIrreversibleSchemes() {
    assertThatThrownBy(() -> Transliterator.toCyrillic("Hristo", NameLanguage.BULGARIAN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SERBIAN, MONTENEGRIN and MACEDONIAN")
        .hasMessageNotContaining("Hristo");
    assertThatThrownBy(() -> Transliterator.toCyrillic("Nikos", NameLanguage.GREEK))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(NameLanguage.BULGARIAN.supportsToCyrillic()).isFalse();
    assertThat(NameLanguage.MACEDONIAN.supportsToCyrillic()).isTrue();
  }

  @Test
  void foldLatinRemovesDiacriticsAndNormalisesSpace() {
    assertThat(Transliterator.foldLatin("  Đorđe \t Šćepanović-Čačić ")).isEqualTo("DORDE SCEPANOVIC-CACIC");
    assertThat(Transliterator.foldLatin("Łukasz Øster Straße Æsir Œuvre")).isEqualTo("LUKASZ OSTER STRASSE AESIR OEUVRE");
    assertThat(Transliterator.foldLatin("İbrahim Yılmaz Ștefan Şahin Ërmira Þór")).isEqualTo("IBRAHIM YILMAZ STEFAN SAHIN ERMIRA THOR");
    assertThat(Transliterator.foldLatin("Petrovic\u0301\u00A0Marko\u200B")).isEqualTo("PETROVIC MARKO");
    assertThat(Transliterator.foldLatin("ﬁlip")).isEqualTo("FILIP");
    // Other scripts keep their letters, in upper case.
    assertThat(Transliterator.foldLatin("Петровић")).isEqualTo("ПЕТРОВИЋ");
  }

  @Test
  void mrzFieldUsesFillersForSpacesHyphensAndPunctuation() {
    assertThat(Transliterator.toMrzField("Vesna Tošić-Lukić")).isEqualTo("VESNA<TOSIC<LUKIC");
    assertThat(Transliterator.toMrzField(" -- Ana -- Marija -- ")).isEqualTo("ANA<MARIJA");
    assertThat(Transliterator.toMrzField("D'Alessandro")).isEqualTo("DALESSANDRO");
    assertThat(Transliterator.toMrzField("李")).isEmpty();
  }

  @Test
  void invalidNamesAreRejectedWithoutEchoingThem() {
    String tooLong = "Petrović".repeat(65);
    assertThat(tooLong.length()).isGreaterThan(Transliterator.MAX_NAME_LENGTH);
    assertThatThrownBy(() -> Transliterator.toLatin(tooLong, NameLanguage.SERBIAN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("512")
        .hasMessageNotContaining("Petrović");
    assertThatThrownBy(() -> Transliterator.toIcao(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("name must not be null");
    assertThatThrownBy(() -> Transliterator.foldLatin(" \u00A0\u200B\t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("name must not be blank");
    assertThatThrownBy(() -> Transliterator.toLatin("Marko", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("language must not be null");
    assertThat(Transliterator.toIcao("M".repeat(Transliterator.MAX_NAME_LENGTH))).hasSize(512);
  }

  @Test
  void scriptDetectionCountsLettersOnly() {
    assertThat(Script.detect("Petrović")).isEqualTo(Script.LATIN);
    assertThat(Script.detect("Петровић 123")).isEqualTo(Script.CYRILLIC);
    assertThat(Script.detect("Παπαδόπουλος")).isEqualTo(Script.GREEK);
    assertThat(Script.detect("李小龍")).isEqualTo(Script.OTHER);
    assertThat(Script.detect("12-34")).isEqualTo(Script.OTHER);
    assertThat(Script.detect("")).isEqualTo(Script.OTHER);
    assertThat(Script.detect("Marko Петровић")).isEqualTo(Script.CYRILLIC);
    assertThat(Script.detect("Ab Вг")).isEqualTo(Script.CYRILLIC);
    assertThat(Script.detect("Marko Petrović Пе")).isEqualTo(Script.LATIN);
    assertThatThrownBy(() -> Script.detect(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void languageGuessUsesDistinctiveLetters() {
    assertThat(NameLanguage.guess("Ѓорѓи")).contains(NameLanguage.MACEDONIAN);
    assertThat(NameLanguage.guess("Ђорђе")).contains(NameLanguage.SERBIAN);
    assertThat(NameLanguage.guess("С\u0301ерифовић Ана")).contains(NameLanguage.SERBIAN);
    assertThat(NameLanguage.guess("С\u0301ерифов")).contains(NameLanguage.MONTENEGRIN);
    assertThat(NameLanguage.guess("Щерев")).contains(NameLanguage.BULGARIAN);
    assertThat(NameLanguage.guess("Јован")).contains(NameLanguage.SERBIAN);
    assertThat(NameLanguage.guess("Иван Петров")).contains(NameLanguage.SERBIAN);
    assertThat(NameLanguage.guess("Νίκος")).contains(NameLanguage.GREEK);
    assertThat(NameLanguage.guess("Petrović")).isEmpty();
    assertThat(NameLanguage.GREEK.script()).isEqualTo(Script.GREEK);
    assertThat(NameLanguage.SERBIAN.script()).isEqualTo(Script.CYRILLIC);
  }
}
