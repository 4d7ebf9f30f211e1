package dev.mynasim.glue.steps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mynasim.client.card.CardResponse;
import dev.mynasim.client.transport.Apdus;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.cucumber.java.ja.ならば;
import io.cucumber.java.ja.もし;
import java.nio.charset.StandardCharsets;

/** The byte vocabulary for vendors: send this APDU, expect that status word and data. */
public class ApduSteps {

    private final CardWorld world;

    public ApduSteps(CardWorld world) {
        this.world = world;
    }

    @When("I send APDU {string}")
    @もし("APDU {string}を送る")
    public void iSendApdu(String hex) {
        byte[] command = Apdus.fromHex(PersonaPlaceholders.expand(hex, world));
        CardResponse response = world.client().send(command);
        world.client().observeRaw(command, response);
        world.setLast(response);
    }

    @When("I read the rest of the file with one extended READ BINARY")
    @もし("ファイルの残りを1回の拡張READ BINARYで読む")
    public void iReadTheRestWithOneExtendedRead() {
        byte[] header = world.last().data();
        if (header.length < 4) {
            throw new IllegalStateException("the last response has no 4-byte DER header to size the file from");
        }
        int rest = ((header[2] & 0xFF) << 8 | (header[3] & 0xFF));
        byte[] command = {0x00, (byte) 0xB0, 0x00, 0x04, 0x00, (byte) (rest >> 8), (byte) rest};
        CardResponse response = world.client().send(command);
        world.setLast(response);
        assertEquals(rest, response.data().length, "bytes returned by the extended READ BINARY");
    }

    @Then("the (last )status word is {sw}")
    @ならば("(最後の)ステータスワードは{sw}である")
    public void theStatusWordIs(Integer sw) {
        assertEquals(Apdus.swText(sw), Apdus.swText(world.last().sw()), "status word");
    }

    @Then("the response data is {string}")
    @ならば("応答データは{string}である")
    public void theResponseDataIs(String hex) {
        assertEquals(Apdus.toHex(Apdus.fromHex(PersonaPlaceholders.expand(hex, world))),
                Apdus.toHex(world.last().data()), "response data");
    }

    @Then("the response data starts with {string}")
    @ならば("応答データは{string}で始まる")
    public void theResponseDataStartsWith(String hex) {
        String data = Apdus.toHex(world.last().data());
        String prefix = Apdus.toHex(Apdus.fromHex(hex));
        assertTrue(data.startsWith(prefix), "response data should start with " + prefix + " but is " + data);
    }

    @Then("the response data has {int} bytes")
    @ならば("応答データは{int}バイトである")
    public void theResponseDataHasBytes(int length) {
        assertEquals(length, world.last().data().length, "response data length");
    }

    @Then("the response data as text is {string}")
    @ならば("応答データを文字列にすると{string}である")
    public void theResponseDataAsTextIs(String text) {
        assertArrayEquals(text.getBytes(StandardCharsets.US_ASCII), world.last().data(),
                "response data as ASCII: \"" + new String(world.last().data(), StandardCharsets.US_ASCII) + "\"");
    }
}
