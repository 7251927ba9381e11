package io.github.flatchrlucca.lucca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flatchrlucca.http.ApiRequest;
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
    void aListThatLacksContractsItCountsIsNoListToDecideOn() throws Exception {
        // Lucca does not document this list's paging: one page of the three it counts, and no way to the rest
        assertThatExceptionOfType(LuccaUnavailable.class)
                .isThrownBy(() -> LuccaContract.of(JSON.readTree("""
                        {"items":[{"id":5001,"ownerId":77,"startsOn":"2018-01-01","endsOn":"2021-06-30"}],"count":3}""")))
                .withMessageContaining("200 to find-work-contract listing 1 of the 3 contracts it counts");
        assertThatExceptionOfType(LuccaUnavailable.class)
                .isThrownBy(() -> LuccaContract.of(JSON.readTree("""
                        {"items":[{"id":5001}],"count":2,"next":"https://acme.ilucca.net/directory/api/4.0/work-contracts?ownerId%5B%5D=77&page=2"}""")))
                .withMessageContaining("without the next page it names");
        // a count Lucca leaves out, or one no larger than the list, says nothing is missing
        assertThat(LuccaContract.of(JSON.readTree("{\"items\":[{\"id\":5001}]}"))).hasSize(1);
        assertThat(LuccaContract.of(JSON.readTree("{\"items\":[{\"id\":5001}],\"count\":1,\"next\":null}")))
                .hasSize(1);
    }

    @Test
    void pagesNamedByTheirNextAreReadAsOneList() throws Exception {
        WorkContractPages pages = new WorkContractPages();

        ApiRequest second = pages.add(JSON.readTree("""
                {"items":[{"id":5001,"startsOn":"2018-01-01"}],"count":2,
                 "next":"https://acme.ilucca.net/directory/api/4.0/work-contracts?ownerId%5B%5D=77&page=2&limit=1"}"""));

        assertThat(second).as("the next page, on the tenant's Lucca: its path and query only").isEqualTo(
                new ApiRequest("find-work-contract", "GET", "/directory/api/4.0/work-contracts",
                        "ownerId%5B%5D=77&page=2&limit=1", null));
        assertThat(pages.add(JSON.readTree("""
                {"items":[{"id":5002,"startsOn":"2027-01-04"}],"count":2,"next":null}"""))).isNull();
        assertThat(LuccaContract.of(pages.whole())).extracting(LuccaContract::id).containsExactly(5001L, 5002L);
    }

    @Test
    void aNextPageThatIsNotOneOfTheListsOrBringsNothingNewStopsTheRead() throws Exception {
        assertThatExceptionOfType(LuccaUnavailable.class)
                .isThrownBy(() -> new WorkContractPages().add(JSON.readTree("""
                        {"items":[{"id":5001}],"count":2,"next":"b64cursor=="}""")))
                .withMessageContaining("a next page that is not one of the work contracts' list");
        WorkContractPages again = new WorkContractPages();
        String samePage = """
                {"items":[{"id":5001}],"count":2,"next":"/directory/api/4.0/work-contracts?ownerId%5B%5D=77&page=2"}""";
        again.add(JSON.readTree(samePage));
        assertThatExceptionOfType(LuccaUnavailable.class).isThrownBy(() -> again.add(JSON.readTree(samePage)))
                .satisfies(failure -> assertThat(failure.body()).contains("holds nothing the pages before it did not"));
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
