package com.mileotech.cyber.client;

import com.mileotech.cyber.system.Published;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A client of Mileo Technology as the registry keeps it. Its id is also its Camunda tenant id,
 * so it stays short, lower-case and stable.
 */
@Published
public record Client(
    @NotBlank(message = "obligatoire")
    @Size(max = 64, message = "64 caractères au plus")
    @Pattern(regexp = ID_PATTERN, message = "minuscules, chiffres et tirets (ex. hexa-energie)")
    String id,
    @NotBlank(message = "obligatoire") @Size(max = 200, message = "200 caractères au plus")
    @Pattern(regexp = ONE_LINE, message = LINE_MESSAGE) String name,
    @NotNull(message = "obligatoire : liste parmi OIV, NIS2_ESSENTIAL, NIS2_IMPORTANT (vide ou [\"NONE\"] : aucun régime)")
    @Size(max = 3, message = "trois régimes au plus")
    List<@NotNull(message = "obligatoire : OIV, NIS2_ESSENTIAL, NIS2_IMPORTANT ou NONE") RegulatoryRegime> regimes,
    @NotNull(message = "obligatoire") @Valid Contract contract,
    @NotNull(message = "obligatoire (liste éventuellement vide)")
    @Size(max = MAX_RSSI, message = "au plus " + MAX_RSSI + " contacts")
    List<@NotNull(message = "obligatoire") @Valid Contact> rssiContacts,
    @Valid Contact dpo,
    @NotNull(message = "obligatoire (liste éventuellement vide)")
    @Size(max = MAX_SITES, message = "au plus " + MAX_SITES + " sites")
    List<@NotNull(message = "obligatoire") @Valid Site> sites,
    Nis2EntityType nis2EntityType) {

  /** A client under one regime (NONE for none), of no entity type of regulation (EU) 2024/2690. */
  public Client(String id, String name, RegulatoryRegime regime, Contract contract, List<Contact> rssiContacts,
      Contact dpo, List<Site> sites) {
    this(id, name, regime == null ? null : List.of(regime), contract, rssiContacts, dpo, sites, null);
  }

  /** A client under these regimes, of no entity type of regulation (EU) 2024/2690. */
  public Client(String id, String name, List<RegulatoryRegime> regimes, Contract contract, List<Contact> rssiContacts,
      Contact dpo, List<Site> sites) {
    this(id, name, regimes, contract, rssiContacts, dpo, sites, null);
  }

  /**
   * The API's reading: {@code regimes} (a list), or the single {@code regime} of earlier versions
   * of the API; both at once are refused by the service (ClientService).
   */
  @com.fasterxml.jackson.annotation.JsonCreator
  static Client fromJson(@com.fasterxml.jackson.annotation.JsonProperty("id") String id,
      @com.fasterxml.jackson.annotation.JsonProperty("name") String name,
      @com.fasterxml.jackson.annotation.JsonProperty("regimes") List<RegulatoryRegime> regimes,
      @com.fasterxml.jackson.annotation.JsonProperty("regime") RegulatoryRegime regime,
      @com.fasterxml.jackson.annotation.JsonProperty("contract") Contract contract,
      @com.fasterxml.jackson.annotation.JsonProperty("rssiContacts") List<Contact> rssiContacts,
      @com.fasterxml.jackson.annotation.JsonProperty("dpo") Contact dpo,
      @com.fasterxml.jackson.annotation.JsonProperty("sites") List<Site> sites,
      @com.fasterxml.jackson.annotation.JsonProperty("nis2EntityType") Nis2EntityType nis2EntityType)
      throws com.fasterxml.jackson.databind.JsonMappingException {
    if (regimes != null && regime != null) {
      // a 400 naming the field (ApiErrors): the two spellings at once are ambiguous
      var refusal = com.fasterxml.jackson.databind.JsonMappingException.from((com.fasterxml.jackson.core.JsonParser) null,
          "regime and regimes both given");
      refusal.prependPath(Client.class, "regime");
      throw refusal;
    }
    List<RegulatoryRegime> set = regimes != null ? regimes : regime != null ? List.of(regime) : null;
    return new Client(id, name, set, contract, rssiContacts, dpo, sites, nis2EntityType);
  }

  /** Whether the client is under this regime. */
  public boolean under(RegulatoryRegime regime) {
    return regimes.stream().anyMatch(r -> r == regime);
  }

  /**
   * The regimes as a set: without NONE (which only means "none"), without repeats, in the enum's
   * order. What the registry stores; the API returns it.
   */
  public java.util.List<RegulatoryRegime> regimeSet() {
    return regimes.stream().filter(r -> r != RegulatoryRegime.NONE).distinct().sorted().toList();
  }

  /** Whether the client is an essential or important entity of NIS2. */
  public boolean nis2Entity() {
    return under(RegulatoryRegime.NIS2_ESSENTIAL) || under(RegulatoryRegime.NIS2_IMPORTANT);
  }

  /** The regimes for people: "Opérateur d'importance vitale (OIV), Entité essentielle NIS2". */
  public String regimesLabel() {
    return regimeSet().isEmpty() ? RegulatoryRegime.NONE.label()
        : regimeSet().stream().map(RegulatoryRegime::label).collect(java.util.stream.Collectors.joining(", "));
  }

  public static final String ID_PATTERN = "[a-z0-9]+(-[a-z0-9]+)*";
  /** One line of text: no control character (line breaks included), no half of a UTF-16 pair. */
  static final String ONE_LINE = "[^\\p{Cc}\\p{Cs}]*";
  static final String LINE_MESSAGE = "une seule ligne, sans caractère de contrôle";
  /** RSSI contacts of one client (docs/limits.md). */
  public static final int MAX_RSSI = 10;
  /** Sites of one client: the incident and checklist forms offer them all. */
  public static final int MAX_SITES = 200;

  /** The site, retired or not (records made before its retirement still name it). */
  public Optional<Site> site(String siteId) {
    return sites.stream().filter(s -> s.id().equals(siteId)).findFirst();
  }

  /** The sites offered for new work: every site but the retired ones. */
  public List<Site> activeSites() {
    return sites.stream().filter(s -> !s.retired()).toList();
  }

  public Client withId(String newId) {
    return new Client(newId, name, regimes, contract, rssiContacts, dpo, sites, nis2EntityType);
  }

  /**
   * The maintenance contract: its type and the period it covers (documents are kept until its end),
   * and whether updates are validated in a staging environment first (GUID-PREM-003 §01; optional
   * in the API, false when absent).
   */
  public record Contract(
      @NotNull(message = "obligatoire : STANDARD ou PREMIUM") ContractType type,
      @NotNull(message = "obligatoire") LocalDate start,
      @NotNull(message = "obligatoire") LocalDate end,
      boolean stagingValidation) {

    public Contract(ContractType type, LocalDate start, LocalDate end) {
      this(type, start, end, false);
    }

    /** Whether the contract covers this day (documents are kept at least until its end). */
    public boolean covers(LocalDate day) {
      return !day.isBefore(start) && !day.isAfter(end);
    }
  }

  /** A person to reach: the client's RSSI (with their user account, if they use Tasklist) or DPO. */
  public record Contact(
      @NotBlank(message = "obligatoire") @Size(max = 200, message = "200 caractères au plus")
      @Pattern(regexp = ONE_LINE, message = LINE_MESSAGE) String name,
      @NotBlank(message = "obligatoire") @Email(message = "adresse e-mail invalide")
      @Size(max = 254, message = "254 caractères au plus") @Pattern(regexp = ONE_LINE, message = LINE_MESSAGE) String email,
      @Size(max = 40, message = "40 caractères au plus") @Pattern(regexp = ONE_LINE, message = LINE_MESSAGE) String phone,
      @Size(max = 64, message = "64 caractères au plus")
      @Pattern(regexp = "[a-zA-Z0-9]+([._-][a-zA-Z0-9]+)*", message = "identifiant de compte invalide")
      String userId) {}

  /**
   * A site of the client where video-surveillance equipment runs. A retired site is kept (the
   * records that name it still do) but no longer offered for new work; a site in use cannot be
   * removed from its client, only retired.
   */
  public record Site(
      @NotBlank(message = "obligatoire") @Size(max = 64, message = "64 caractères au plus")
      @Pattern(regexp = ID_PATTERN, message = "minuscules, chiffres et tirets (ex. siege-paris)") String id,
      @NotBlank(message = "obligatoire") @Size(max = 200, message = "200 caractères au plus")
      @Pattern(regexp = ONE_LINE, message = LINE_MESSAGE) String name,
      @Size(max = 400, message = "400 caractères au plus") @Pattern(regexp = ONE_LINE, message = LINE_MESSAGE)
      String address,
      boolean retired) {

    public Site(String id, String name, String address) {
      this(id, name, address, false);
    }
  }
}
