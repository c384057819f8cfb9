package dev.copydesk.comments;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores screening reasons as a small JSON array in one column: they are always read with their comment. */
@Converter
class ReasonsConverter implements AttributeConverter<List<CommentReason>, String> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<CommentReason>> TYPE = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<CommentReason> reasons) {
        if (reasons == null || reasons.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(reasons);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Reasons cannot be written", e);
        }
    }

    @Override
    public List<CommentReason> convertToEntityAttribute(String column) {
        if (column == null || column.isBlank()) {
            return List.of();
        }
        try {
            return List.copyOf(JSON.readValue(column, TYPE));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Reasons cannot be read", e);
        }
    }
}
