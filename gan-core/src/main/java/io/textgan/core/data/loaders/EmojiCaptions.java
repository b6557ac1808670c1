package io.textgan.core.data.loaders;

import io.textgan.core.data.Tokenizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Captions of an emoji from its {@code emoji.json} record, in several phrasings: "heart hands, medium skin tone",
 * "a red apple, food and drink", "an emoji of a ghost", "a teapot (drink)", "the flag of vatican city", and each short
 * name ("zany face").
 */
final class EmojiCaptions {
    private static final Map<String, String> TONES = Map.of("1F3FB", "light", "1F3FC", "medium-light",
            "1F3FD", "medium", "1F3FE", "medium-dark", "1F3FF", "dark");
    private static final Set<String> NAMED_FLAGS = Set.of("country-flag", "subdivision-flag");

    private EmojiCaptions() {
    }

    /**
     * @param name        the Unicode name ("HEART HANDS") or, for flags, "Vatican City Flag"
     * @param shortNames  e.g. {@code heart_hands}
     * @param category    e.g. "People &amp; Body"
     * @param subcategory e.g. {@code hands}, {@code food-fruit}
     * @param tones       the skin-tone key of a variation ({@code 1F3FD} or {@code 1F3FB-1F3FF}), or null
     */
    static List<String> of(String name, List<String> shortNames, String category, String subcategory, String tones) {
        String subject = clean(name);
        String tone = tones == null ? "" : toneWords(tones);
        String group = category.toLowerCase(Locale.ROOT).replace("&", "and");
        String kind = subcategory.replace('-', ' ');
        Set<String> captions = new LinkedHashSet<>();
        if (NAMED_FLAGS.contains(subcategory) && subject.endsWith(" flag")) {
            String place = subject.substring(0, subject.length() - " flag".length());
            captions.add("the flag of " + place);
            captions.add(place + " flag");
            captions.add("an emoji of the flag of " + place);
            captions.add("the flag of " + place + ", " + kind);
        } else {
            captions.add(subject + tone);
            captions.add(withArticle(subject) + tone + ", " + group);
            captions.add("an emoji of " + withArticle(subject) + tone);
            captions.add(withArticle(subject) + tone + " (" + kind + ")");
            for (String shortName : shortNames) {
                String words = shortName.replace('_', ' ').replace('-', ' ').strip();
                if (!words.matches("flag [a-z]{2}") && Tokenizer.words(words).stream().anyMatch(w -> w.length() > 2)) {
                    captions.add(words + tone);
                }
            }
        }
        return new ArrayList<>(captions);
    }

    private static String clean(String name) {
        return name.toLowerCase(Locale.ROOT).replace(":", ",").replaceAll("\\s+", " ").strip();
    }

    /** ", medium skin tone" or ", light and dark skin tones". */
    static String toneWords(String key) {
        List<String> names = Arrays.stream(key.toUpperCase(Locale.ROOT).split("-")).distinct()
                .map(k -> TONES.getOrDefault(k, "")).toList();
        if (names.contains("")) {
            return "";
        }
        return names.size() == 1 ? ", " + names.get(0) + " skin tone" : ", " + String.join(" and ", names) + " skin tones";
    }

    /** "a red apple", "an owl"; no article where the head noun looks plural ("heart hands", "men with bunny ears"). */
    private static String withArticle(String subject) {
        String head = subject.split(",| with | of | in | on | and | for | from | at ")[0].strip();
        String last = head.substring(head.lastIndexOf(' ') + 1);
        boolean plural = Set.of("men", "women", "people", "children").contains(last)
                || last.endsWith("s") && !last.endsWith("ss") && !last.endsWith("us");
        if (plural) {
            return subject;
        }
        boolean vowelSound = "aeiou".indexOf(subject.charAt(0)) >= 0 && !subject.startsWith("uni") && !subject.startsWith("eu");
        return (vowelSound ? "an " : "a ") + subject;
    }
}
