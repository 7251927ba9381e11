package io.github.flatchrlucca.lucca;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class LuccaContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsEachContractOfTheList() throws Exception {
        List<LuccaContract> contracts = LuccaContract.of(JSON.readTree("""
                {"items":[
                  {"id":5001,"ownerId":77,"typeId":21,"startsOn":"2018-01-01","endsOn":"2021-06-30",
                   "establishmentId":3,"externalId":null},
                  {"id":5002,"ownerId":77,"typeId":22,"startsOn":"2027-01-04","endsOn":null,"externalId":"app-9"}],
                 "count":2}"""));

        assertThat(contracts).containsExactly(
                new LuccaContract(5001, 21, LocalDate.of(2018, 1, 1), LocalDate.of(2021, 6, 30), 3, null),
                new LuccaContract(5002, 22, LocalDate.of(2027, 1, 4), null, null, "app-9"));
    }

    @Test
    void aContractCoversTheDaysFromItsStartToItsEndBothIncluded() {
        LuccaContract fixedTerm = new LuccaContract(1, 21, LocalDate.of(2027, 1, 4), LocalDate.of(2027, 6, 30), null,
                null);

        assertThat(fixedTerm.covers(LocalDate.of(2027, 1, 3))).isFalse();
        assertThat(fixedTerm.covers(LocalDate.of(2027, 1, 4))).isTrue();
        assertThat(fixedTerm.covers(LocalDate.of(2027, 6, 30))).isTrue();
        assertThat(fixedTerm.covers(LocalDate.of(2027, 7, 1))).isFalse();
    }

    @Test
    void anOpenEndedContractCoversEveryDayFromItsStart() {
        LuccaContract permanent = new LuccaContract(1, 21, LocalDate.of(2027, 1, 4), null, null, null);

        assertThat(permanent.covers(LocalDate.of(2040, 1, 1))).isTrue();
        assertThat(permanent.covers(LocalDate.of(2027, 1, 3))).isFalse();
    }
}
