package org.pccc.model.id;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNumberTest {

  @ParameterizedTest(name = "{0}")
  @CsvFileSource(resources = "/org/pccc/model/id/phone-numbers.csv")
  void vectors(String description, String input, boolean valid, String reasonFragment) {
    Outcomes.assertOutcome(input, PhoneNumber.check(input), valid, reasonFragment);
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "+355421234567, AL",
    "+38733123456, BA",
    "+35921234567, BG",
    "+38512345678, HR",
    "+302101234567, GR",
    "+38344123456, XK",
    "+37322123456, MD",
    "+38220123456, ME",
    "+38923123456, MK",
    "+40211234567, RO",
    "+381111234567, RS",
    "+38611234567, SI",
    "+902121234567, TR"
  })
  void regionCountries(String number, String country) {
    assertThat(PhoneNumber.regionCountry(number)).contains(country);
  }

  @Test
  void noRegionCountryOutsideTheTableOrForInvalidNumbers() {
    assertThat(PhoneNumber.regionCountry("+4930123456")).isEmpty(); // Germany
    assertThat(PhoneNumber.regionCountry("+380441234567")).isEmpty(); // Ukraine, not +38x above
    assertThat(PhoneNumber.regionCountry("+30")).isEmpty(); // calling code only
    assertThat(PhoneNumber.regionCountry("+385 1 234 5678")).isEmpty();
    assertThat(PhoneNumber.regionCountry(null)).isEmpty();
  }

  @Test
  void normalizeHandlesCommonWritings() {
    assertThat(PhoneNumber.normalize("+385 (0)1 234-5678")).isEqualTo("+38512345678");
    assertThat(PhoneNumber.normalize("00385 1 234 5678")).isEqualTo("+38512345678");
    assertThat(PhoneNumber.normalize("+30 210/123.4567")).isEqualTo("+302101234567");
    assertThat(PhoneNumber.normalize(null)).isEmpty();
  }
}
