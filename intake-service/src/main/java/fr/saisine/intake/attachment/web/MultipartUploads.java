package fr.saisine.intake.attachment.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.springframework.web.multipart.MultipartFile;

import fr.saisine.intake.attachment.domain.Upload;

/** The files of a multipart request as uploads, less the empty part a browser sends when no file is chosen. */
public final class MultipartUploads {

    private MultipartUploads() {
    }

    public static List<Upload> of(List<MultipartFile> files) {
        if (files == null) {
            return List.of();
        }
        return files.stream()
                .filter(f -> !(f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isEmpty())))
                .map(PartUpload::new)
                .map(Upload.class::cast)
                .toList();
    }

    private record PartUpload(MultipartFile file) implements Upload {

        @Override
        public String filename() {
            return file.getOriginalFilename();
        }

        @Override
        public String declaredType() {
            return file.getContentType();
        }

        @Override
        public long size() {
            return file.getSize();
        }

        @Override
        public InputStream open() throws IOException {
            return file.getInputStream();
        }
    }
}
