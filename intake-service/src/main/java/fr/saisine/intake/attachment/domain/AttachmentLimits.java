package fr.saisine.intake.attachment.domain;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * What a submission may carry ({@code saisine.intake.attachments.*}, each overridable by
 * environment variable): how many files, how large each and all together, of which types
 * (as detected from the content), and the size of the chunks they are stored in.
 */
@ConfigurationProperties("saisine.intake.attachments")
public record AttachmentLimits(int maxFiles, DataSize maxFileSize, DataSize maxTotalSize, DataSize chunkSize,
        List<String> allowedTypes) {

    /** 16KB rather than 16384B: as the limit is configured. */
    public static String readable(DataSize size) {
        long bytes = size.toBytes();
        if (bytes % (1024 * 1024) == 0) {
            return size.toMegabytes() + "MB";
        }
        return bytes % 1024 == 0 ? size.toKilobytes() + "KB" : bytes + "B";
    }
}
