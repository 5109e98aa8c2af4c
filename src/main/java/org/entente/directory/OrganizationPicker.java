package org.entente.directory;

import java.util.List;
import org.entente.identity.Viewers;
import org.entente.shared.CharterKey;
import org.springframework.stereotype.Component;

/**
 * The names a page's organization fields offer, for whoever makes the request: pages that name an
 * organization (a project's partners and leads, a milestone's owner, an indicator's owner) include
 * {@code fragments/organizations :: datalist} with {@code ${@organizationPicker.names(charter)}},
 * so that the person picks a name from the directory as they type, and may still type another.
 */
@Component("organizationPicker")
public class OrganizationPicker {

  private final Directory directory;
  private final Viewers viewers;

  OrganizationPicker(Directory directory, Viewers viewers) {
    this.directory = directory;
    this.viewers = viewers;
  }

  /** The directory's names for this charter that the current viewer may read; none for others. */
  public List<String> names(String charterKey) {
    return directory.pickerNames(CharterKey.of(charterKey), viewers.current());
  }
}
