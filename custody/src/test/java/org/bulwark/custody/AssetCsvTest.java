package org.bulwark.custody;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bulwark.model.BadInputException;
import org.bulwark.model.ValidationIssue;
import org.junit.jupiter.api.Test;

class AssetCsvTest {
    static final String HEADER = "tag,serial,kind,model,version,authority,location,custodian,status\n";

    @Test
    void everyBadRowIsReportedWithItsLineAndColumn() {
        String csv = HEADER
                + "BC-1,S1,voting-device,DS200,2.17,Boone,Warehouse,Clerk,in-service\n"
                + "BC-2,S2,toaster,DS200,2.17,Boone,Warehouse,Clerk,in-service\n"
                + "BC-3,S3,voting-device,DS200,,Boone,Warehouse,Clerk,lost\n"
                + "BC-1,S4,usb-drive,Kingston,,Boone,Warehouse,Clerk,in-service\n"
                + "BC-5,S5\n";
        AssetCsv.Read read = AssetCsv.read(csv.getBytes(UTF_8), "assets.csv");
        assertThat(read.assets()).extracting(a -> a.tag().value()).containsExactly("BC-1");
        assertThat(read.problems()).extracting(ValidationIssue::toString).containsExactly(
                "line 3, kind: \"toaster\" is not one of voting-device, workstation, memory-card, usb-drive, ballot-container",
                "line 4, version: a voting-device needs its certified version",
                "line 4, status: \"lost\" is not one of in-service, in-repair, retired, missing",
                "line 5, tag: tag \"BC-1\" is also on line 2; each asset is listed once",
                "line 6: has 2 columns but must have 9 (tag,serial,kind,model,version,authority,location,custodian,status)");
    }

    @Test
    void aFileThatIsNotTheInventoryIsRefusedWhole() {
        assertThatThrownBy(() -> AssetCsv.read("name,serial\n".getBytes(UTF_8), "x.csv")).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("x.csv: line 1: the header is name,serial but must be tag,serial,kind");
        assertThatThrownBy(() -> AssetCsv.read(new byte[] {(byte) 0xC3, 0x28}, "x.csv")).hasMessageContaining("is not UTF-8 text");
        assertThatThrownBy(() -> AssetCsv.read((HEADER + "\"BC-1,S1").getBytes(UTF_8), "x.csv")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("is not valid CSV");
    }

    @Provide
    Arbitrary<List<Asset>> assets() {
        Arbitrary<String> text = Arbitraries.strings().withCharRange(' ', '~').withChars("é,\"\n".toCharArray()).ofMinLength(1).ofMaxLength(20)
                .filter(s -> s.equals(s.strip()) && s.chars().noneMatch(Character::isISOControl));
        return net.jqwik.api.Combinators.combine(text, text, Arbitraries.of(AssetKind.class), text, Arbitraries.of(AssetStatus.class))
                .as((tag, serial, kind, place, status) -> new Asset(new AssetTag(tag), serial, kind, "M-" + serial, Optional.of("1.0"),
                        new AuthorityId("Boone"), place, "Clerk", status)).list().ofMaxSize(20);
    }

    @Property(tries = 200)
    void exportThenImportGivesTheSameAssets(@ForAll("assets") List<Asset> assets) throws IOException {
        List<Asset> unique = assets.stream().collect(java.util.stream.Collectors.toMap(Asset::tag, a -> a, (a, b) -> a,
                java.util.LinkedHashMap::new)).values().stream().toList();
        StringWriter out = new StringWriter();
        AssetCsv.write(unique, out);
        AssetCsv.Read read = AssetCsv.read(out.toString().getBytes(UTF_8), "round.csv");
        assertThat(read.problems()).isEmpty();
        assertThat(read.assets()).isEqualTo(unique);
    }

    @Property(tries = 300)
    void mutatedInventoriesReadOrFailWithBadInput(@ForAll Random random) {
        byte[] good = (HEADER + "BC-1,S1,voting-device,DS200,2.17,Boone,Warehouse,Clerk,in-service\n"
                + "MC-1,S2,memory-card,CF,,Boone,\"Vault, shelf 2\",Clerk,in-service\n").getBytes(UTF_8);
        try {
            AssetCsv.Read read = AssetCsv.read(Mutations.mutate(good, random), "fuzz.csv");
            assertThat(read.problems()).allSatisfy(p -> assertThat(p.path()).startsWith("line "));
            assertThat(read.assets()).extracting(a -> a.tag().value()).doesNotHaveDuplicates();
        } catch (BadInputException e) {
            assertThat(e.file()).isEqualTo("fuzz.csv");
        }
    }
}
