package org.kechuang.brokerage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.kechuang.identity.CurrentUser;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The messages of an engagement and their files over the API, for its parties and operators. A message is JSON
 * ({@code {"text": …}}) or a form with {@code text} and an optional {@code file}. Files are only ever sent back as a
 * download ({@code Content-Disposition: attachment}) with the type their content was found to be.
 */
@RestController
@RequestMapping("/api/v1/engagements/{id}")
@PreAuthorize("isAuthenticated()")
class EngagementMessageApi {

    private final EngagementMessages messages;

    EngagementMessageApi(EngagementMessages messages) {
        this.messages = messages;
    }

    record Write(String text) {}

    record MessageView(
            long id, EngagementView.Person author, String text, Instant createdAt, List<AttachmentView> attachments) {}

    record AttachmentView(long id, String name, String type, String mediaType, long size, String sha256, String link) {}

    /** The thread, oldest first. */
    @GetMapping("/messages")
    List<MessageView> thread(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        List<EngagementMessage> thread = messages.thread(id, user);
        Map<Long, String> names = messages.names(thread);
        return thread.stream().map(m -> view(m, names)).toList();
    }

    @PostMapping(path = "/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    MessageView write(@PathVariable long id, @RequestBody Write write, @AuthenticationPrincipal CurrentUser user) {
        return view(messages.post(id, write.text(), null, user));
    }

    @PostMapping(path = "/messages", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    MessageView writeWithFile(
            @PathVariable long id,
            @RequestParam(required = false) String text,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @AuthenticationPrincipal CurrentUser user) {
        return view(messages.post(id, text, upload(file), user));
    }

    @GetMapping("/attachments/{attachmentId}")
    ResponseEntity<Resource> download(
            @PathVariable long id, @PathVariable long attachmentId, @AuthenticationPrincipal CurrentUser user) {
        EngagementMessages.Download download = messages.download(id, attachmentId, user);
        Attachment attachment = download.attachment();
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(attachment.fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.parseMediaType(attachment.type().mediaType))
                .contentLength(attachment.size())
                .body(download.content());
    }

    /** A form's file field: absent when no file was chosen (browsers send an empty, nameless part then). */
    static EngagementMessages.Upload upload(MultipartFile file) {
        if (file == null
                || (file.isEmpty()
                        && (file.getOriginalFilename() == null
                                || file.getOriginalFilename().isBlank()))) {
            return null;
        }
        return new EngagementMessages.Upload(file.getOriginalFilename(), file.getSize(), () -> {
            try {
                return file.getBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private MessageView view(EngagementMessage message) {
        return view(message, messages.names(List.of(message)));
    }

    static MessageView view(EngagementMessage m, Map<Long, String> names) {
        return new MessageView(
                m.id(),
                new EngagementView.Person(m.authorId(), names.getOrDefault(m.authorId(), "#" + m.authorId())),
                m.text(),
                m.createdAt(),
                m.attachments().stream().map(EngagementMessageApi::view).toList());
    }

    static AttachmentView view(Attachment a) {
        return new AttachmentView(
                a.id(),
                a.fileName(),
                a.type().name().toLowerCase(java.util.Locale.ROOT),
                a.type().mediaType,
                a.size(),
                a.sha256(),
                link(a));
    }

    static String link(Attachment a) {
        return "/api/v1/engagements/" + a.engagementId() + "/attachments/" + a.id();
    }
}
