package io.github.flatchrlucca.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JobTitleTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Comptable H/F                  | Comptable
            Comptable h/f                  | Comptable
            Développeur (F/H)              | Développeur
            Développeur(F/H)               | Développeur
            Chef de projet - H/F           | Chef de projet
            Chef de projet – (H/F)         | Chef de projet
            Chef de projet — F/H           | Chef de projet
            Data analyst H/F/X             | Data analyst
            Data analyst (f/h/x)           | Data analyst
            Sales manager M/F              | Sales manager
            Sales manager (F/M)            | Sales manager
            Projektleiter (m/w/d)          | Projektleiter
            Projektleiter w/m/d            | Projektleiter
            Projektleiter (M/F/D)          | Projektleiter
            Technicien H/F H/F             | Technicien H/F
            """)
    void oneTrailingGenderMarkerIsLeftOut(String title, String jobTitle) {
        assertThat(JobTitle.withoutGenderMarker(title)).isEqualTo(jobTitle);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Développeuse Java", "H/F", "(H/F)", "Comptable H/F - CDI", "Responsable RH/F",
        "Chef de chantier (BTP)", "Assistant(e) de direction", "Développeur (H/F", "Comptable F/H)", "Ingénieur C/C++",
        "Professeur de SVT/HF", "Dev ()", "Dev (x/h/f)", "Analyste - ", ""})
    void aTitleWithoutATrailingMarkerOrWithNothingElseIsKept(String title) {
        assertThat(JobTitle.withoutGenderMarker(title)).isEqualTo(title);
    }

    @Test
    void noTitleStaysNone() {
        assertThat(JobTitle.withoutGenderMarker(null)).isNull();
    }

    @Test
    void aTitleOf64KibIsReadLikeAnyOther() {
        // only the last few characters are looked at: no input can make the work more than linear
        String words = "Développeur ".repeat(64 * 1024 / 12);
        String parentheses = "(".repeat(64 * 1024);
        String slashes = "h/".repeat(32 * 1024);

        assertThat(JobTitle.withoutGenderMarker(words + "- H/F")).isEqualTo(words.strip());
        assertThat(JobTitle.withoutGenderMarker(parentheses + "H/F)")).as("the last parenthesis is the marker's")
                .isEqualTo(parentheses.substring(1));
        assertThat(JobTitle.withoutGenderMarker(slashes)).isEqualTo(slashes);
        assertThat(JobTitle.withoutGenderMarker(slashes + " (F/H)")).isEqualTo(slashes);
    }
}
