package io.apolloroutes.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.Test;

class MergedAreasTest {

    @Test
    void keeps_an_area_when_an_overlapping_one_of_a_damaged_file_ends_before_it() {
        // A2:A3 and A3:A6 overlap on A3, which no spreadsheet program writes but a damaged file may list
        MergedAreas areas = new MergedAreas(List.of(CellRangeAddress.valueOf("A2:A3"), CellRangeAddress.valueOf("A3:A6")),
                new TextBudget(Long.MAX_VALUE));

        areas.moveTo(1);
        areas.moveTo(2);
        areas.moveTo(3);

        assertThat(areas.isCovered(0)).as("A4 lies inside A3:A6").isTrue();
    }
}
