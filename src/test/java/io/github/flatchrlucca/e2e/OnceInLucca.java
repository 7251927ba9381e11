package io.github.flatchrlucca.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flatchrlucca.fake.FakeLucca;
import io.github.flatchrlucca.fake.Request;
import io.github.flatchrlucca.fake.User;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * "Never created twice", checked on what the connector sent, not only on what Lucca kept: the users, and the creates
 * that made them. A second create of one person that Lucca refused leaves one user, and the connector, reading Lucca
 * again after the refusal, finds the first: only the count of creates shows it.
 */
public final class OnceInLucca {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OnceInLucca() {
    }

    /**
     * Each of {@code hires} people is one user of their own, made by one create Lucca accepted; and Lucca refused
     * nothing at all (a test that injects a 4xx checks its own hires with {@link #withMail}).
     */
    public static void everyHire(FakeLucca lucca, int hires) {
        List<User> users = lucca.users();
        assertThat(users).hasSize(hires);
        assertThat(users).extracting(User::mail).doesNotHaveDuplicates();
        assertThat(lucca.userCreates()).as("one create a hire").hasSize(hires);
        assertThat(lucca.requests()).as("requests Lucca refused").noneMatch(OnceInLucca::refused);
    }

    /** One user has this mail, made by the one create of it that Lucca received, which it accepted. */
    public static void withMail(FakeLucca lucca, String mail) {
        assertThat(lucca.users()).filteredOn(user -> mail.equals(user.mail())).hasSize(1);
        assertThat(lucca.userCreates()).filteredOn(create -> mail.equals(mailOf(create)))
                .as("the creates of this person").singleElement()
                .satisfies(create -> assertThat(create.status()).isEqualTo(200));
    }

    private static boolean refused(Request request) {
        return request.status() >= 400 && request.status() < 500;
    }

    private static String mailOf(Request create) {
        try {
            return JSON.readTree(create.body()).path("mail").asText(null);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
