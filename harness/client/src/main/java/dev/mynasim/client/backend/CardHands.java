package dev.mynasim.client.backend;

/** What a person does with a card in a reader: pull it out, put it back. */
public interface CardHands {

    void remove();

    void insert();

    /** Whether the reader sees a card. */
    boolean isPresent();
}
