package org.entente.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The latest signed checkpoint, kept outside the database ({@code entente.audit.checkpoint-file},
 * by default beside the signing key: {@code audit-signing.key} → {@code
 * audit-signing-checkpoint.json}). Someone who can change the database, but not this file, cannot
 * cut the chain's tail and move its head back unseen: the chain must still contain the checkpoint
 * the file remembers. Written whole under another name and then moved over the old one, so a reader
 * never sees half a file.
 */
@Component
class CheckpointFile {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Path file;

  CheckpointFile(
      SigningKey key, @Value("${entente.audit.checkpoint-file:}") String checkpointFile) {
    this.file =
        checkpointFile == null || checkpointFile.isBlank()
            ? besideTheKey(key.file())
            : Path.of(checkpointFile);
  }

  /** The default: the key's name without {@code .key}, then {@code -checkpoint.json}. */
  static Path besideTheKey(Path keyFile) {
    String name = keyFile.getFileName().toString();
    if (name.endsWith(".key")) {
      name = name.substring(0, name.length() - ".key".length());
    }
    return keyFile.resolveSibling(name + "-checkpoint.json");
  }

  /** Where the checkpoint is kept. */
  Path file() {
    return file;
  }

  /**
   * What the file holds.
   *
   * @return empty when there is no file yet
   * @throws UnreadableCheckpoint when there is a file but it is not a checkpoint
   */
  Optional<Checkpoints.SignedCheckpoint> read() {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the audit checkpoint file " + file, e);
    }
    try {
      Checkpoints.SignedCheckpoint c = JSON.readValue(text, Checkpoints.SignedCheckpoint.class);
      if (c == null || c.hash() == null || c.signedAt() == null) {
        throw new UnreadableCheckpoint(file);
      }
      return Optional.of(c);
    } catch (JacksonException e) {
      throw new UnreadableCheckpoint(file);
    }
  }

  /** Replaces the file's checkpoint: written under another name, then moved over the old one. */
  void write(Checkpoints.SignedCheckpoint checkpoint) {
    try {
      Path folder = file.toAbsolutePath().getParent();
      Files.createDirectories(folder);
      Path temporary = Files.createTempFile(folder, ".checkpoint-", ".tmp");
      try {
        Files.writeString(temporary, JSON.writeValueAsString(checkpoint) + "\n");
        Files.move(
            temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the audit checkpoint file " + file, e);
    }
  }

  /** A checkpoint file that exists but cannot be read as a checkpoint. */
  static final class UnreadableCheckpoint extends RuntimeException {
    UnreadableCheckpoint(Path file) {
      super("the audit checkpoint file " + file + " cannot be read as a checkpoint");
    }
  }
}
