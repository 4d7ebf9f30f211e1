package dev.mynasim.harness.kiosk;

import dev.mynasim.harness.card.CardClient;

/**
 * Where the kiosk gets the holder's name and address once the holder has proved who they are. The
 * card's text application (券面事項入力補助AP) holds them; until the harness reads it,
 * {@link PersonaHolderData} answers from the persona the kiosk is configured with. A text-AP source
 * reads them through {@code card} while the card is still on the reader (step 6, before removal).
 */
@FunctionalInterface
public interface HolderDataSource {

    /**
     * @param card       the card, still on the reader, the user-proof PIN just verified
     * @param enteredPin the 4 digits the holder typed (the text AP's PIN is by default the same); never log it
     */
    HolderData read(CardClient card, EnteredPin enteredPin);
}
