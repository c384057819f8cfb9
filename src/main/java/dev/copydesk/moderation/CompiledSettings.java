package dev.copydesk.moderation;

/** Settings with their word lists compiled, shared by every screening until the settings change. */
record CompiledSettings(ModerationSettings settings, WordList banned, WordList suspect) {

    static CompiledSettings of(ModerationSettings settings) {
        return new CompiledSettings(settings, WordList.of(settings.bannedWords()), WordList.of(settings.suspectWords()));
    }

    boolean enabled(ScreeningCode rule) {
        return settings.enabled(rule);
    }
}
