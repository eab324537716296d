<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Accessibility</name>
    <message>
        <source>This is %1 characters long; use at most %2.</source>
        <translation>Das sind %1 Zeichen; erlaubt sind höchstens %2.</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
</context>
<context>
    <name>AccountPage</name>
    <message>
        <source>Profile picture</source>
        <translation>Profilbild</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Gast</translation>
    </message>
    <message>
        <source>Guest account</source>
        <translation>Gastkonto</translation>
    </message>
    <message>
        <source>You are using a guest account. Save your account by linking Google or Apple, so you can sign in again on any device.</source>
        <translation>Sie nutzen ein Gastkonto. Sichern Sie Ihr Konto, indem Sie Google oder Apple verknüpfen – dann können Sie sich auf jedem Gerät wieder anmelden.</translation>
    </message>
    <message>
        <source>Sign-in methods</source>
        <translation>Anmeldemethoden</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Linked</source>
        <translation>Verknüpft</translation>
    </message>
    <message>
        <source>Google</source>
        <translation>Google</translation>
    </message>
    <message>
        <source>Apple</source>
        <translation>Apple</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save display name</source>
        <translation>Anzeigenamen speichern</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Sign out on this computer</source>
        <translation>Auf diesem Computer abmelden</translation>
    </message>
    <message>
        <source>Sign out everywhere</source>
        <translation>Überall abmelden</translation>
    </message>
    <message>
        <source>Sign out on all devices</source>
        <translation>Auf allen Geräten abmelden</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>Trennen</translation>
    </message>
    <message>
        <source>Change email address</source>
        <translation>E-Mail-Adresse ändern</translation>
    </message>
    <message>
        <source>New email address</source>
        <translation>Neue E-Mail-Adresse</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Ändern</translation>
    </message>
    <message>
        <source>Send a code to the new address</source>
        <translation>Einen Code an die neue Adresse senden</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>Two-step verification</source>
        <translation>Bestätigung in zwei Schritten</translation>
    </message>
</context>
<context>
    <name>AppConfig</name>
    <message>
        <source>Give both --url and --key, or neither.</source>
        <translation>Geben Sie --url und --key gemeinsam an oder keines von beiden.</translation>
    </message>
    <message>
        <source>Local backend</source>
        <translation>Lokales Backend</translation>
    </message>
    <message>
        <source>No project</source>
        <translation>Kein Projekt</translation>
    </message>
</context>
<context>
    <name>BrowserPage</name>
    <message>
        <source>Exegia</source>
        <translation>Exegia</translation>
    </message>
    <message>
        <source>Finish in your browser</source>
        <translation>Im Browser abschließen</translation>
    </message>
    <message>
        <source>Sign in on the page that opened in your browser, then come back here. This window continues by itself.</source>
        <translation>Melden Sie sich auf der Seite an, die sich in Ihrem Browser geöffnet hat, und kehren Sie dann hierher zurück. Dieses Fenster macht von selbst weiter.</translation>
    </message>
    <message>
        <source>Waiting for the browser</source>
        <translation>Warten auf den Browser</translation>
    </message>
    <message>
        <source>The browser could not be opened. Copy this link and open it in your browser to continue.</source>
        <translation>Der Browser konnte nicht geöffnet werden. Kopieren Sie diesen Link und öffnen Sie ihn in Ihrem Browser, um fortzufahren.</translation>
    </message>
    <message>
        <source>No browser window? Open it again, or copy the link into your browser.</source>
        <translation>Kein Browserfenster? Öffnen Sie es erneut oder kopieren Sie den Link in Ihren Browser.</translation>
    </message>
    <message>
        <source>Sign-in link</source>
        <translation>Anmeldelink</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Link kopieren</translation>
    </message>
    <message>
        <source>Open the browser again</source>
        <translation>Browser erneut öffnen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>CodePage</name>
    <message>
        <source>Exegia</source>
        <translation>Exegia</translation>
    </message>
    <message>
        <source>Check your email</source>
        <translation>Prüfen Sie Ihre E-Mails</translation>
    </message>
    <message>
        <source>6-digit code</source>
        <translation>6-stelliger Code</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Verify the code</source>
        <translation>Code bestätigen</translation>
    </message>
    <message>
        <source>Send a new code</source>
        <translation>Neuen Code senden</translation>
    </message>
    <message>
        <source>Use another email</source>
        <translation>Andere E-Mail verwenden</translation>
    </message>
    <message>
        <source>Use another email address</source>
        <translation>Andere E-Mail-Adresse verwenden</translation>
    </message>
</context>
<context>
    <name>EmailChangePage</name>
    <message>
        <source>Exegia</source>
        <translation>Exegia</translation>
    </message>
    <message>
        <source>Confirm your new email address</source>
        <translation>Neue E-Mail-Adresse bestätigen</translation>
    </message>
    <message>
        <source>6-digit code</source>
        <translation>6-stelliger Code</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Verify the code</source>
        <translation>Code bestätigen</translation>
    </message>
    <message>
        <source>Send a new code</source>
        <translation>Neuen Code senden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Keep your current email address</source>
        <translation>Aktuelle E-Mail-Adresse behalten</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>The server took too long to answer. Check your connection and try again.</source>
        <translation>Der Server hat zu lange nicht geantwortet. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The server refused the connection. Check the project address in Settings, or try again in a moment.</source>
        <translation>Der Server hat die Verbindung abgelehnt. Prüfen Sie die Projektadresse in den Einstellungen oder versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The connection was interrupted. Please try again.</source>
        <translation>Die Verbindung wurde unterbrochen. Bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The server could not be found. Check your internet connection and the project address in Settings.</source>
        <translation>Der Server wurde nicht gefunden. Prüfen Sie Ihre Internetverbindung und die Projektadresse in den Einstellungen.</translation>
    </message>
    <message>
        <source>A secure connection to the server could not be made. Check the computer&apos;s date and time, and the network you are on.</source>
        <translation>Es konnte keine sichere Verbindung zum Server hergestellt werden. Prüfen Sie Datum und Uhrzeit des Computers sowie das Netzwerk, mit dem Sie verbunden sind.</translation>
    </message>
    <message>
        <source>The server sent an answer this app does not understand. If you are on a public network, sign in to it in your browser first, then try again.</source>
        <translation>Der Server hat eine Antwort gesendet, die diese App nicht versteht. Wenn Sie in einem öffentlichen Netzwerk sind, melden Sie sich zuerst im Browser dort an und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The server could not be reached. Check your connection and try again.</source>
        <translation>Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong. Please try again.</source>
        <translation>Etwas Unerwartetes ist schiefgegangen. Bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The project key was refused by the server. Check the publishable key in Settings; you are still signed in.</source>
        <translation>Der Projektschlüssel wurde vom Server abgelehnt. Prüfen Sie den Publishable Key in den Einstellungen; Sie sind weiterhin angemeldet.</translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Ihre Sitzung ist beendet. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>That code is wrong or has expired. Check the digits, or send a new code.</source>
        <translation>Dieser Code ist falsch oder abgelaufen. Prüfen Sie die Ziffern oder senden Sie einen neuen Code.</translation>
    </message>
    <message numerus="yes">
        <source>A code was sent a moment ago. You can ask for a new one in %n second(s).</source>
        <translation>
            <numerusform>Es wurde gerade erst ein Code gesendet. In %n Sekunde können Sie einen neuen anfordern.</numerusform>
            <numerusform>Es wurde gerade erst ein Code gesendet. In %n Sekunden können Sie einen neuen anfordern.</numerusform>
        </translation>
    </message>
    <message>
        <source>A code was sent a moment ago. Please wait a minute before asking for a new one.</source>
        <translation>Es wurde gerade erst ein Code gesendet. Bitte warten Sie eine Minute, bevor Sie einen neuen anfordern.</translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts. Please wait %n second(s) and try again.</source>
        <translation>
            <numerusform>Zu viele Versuche. Bitte warten Sie %n Sekunde und versuchen Sie es dann erneut.</numerusform>
            <numerusform>Zu viele Versuche. Bitte warten Sie %n Sekunden und versuchen Sie es dann erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>Too many attempts. Please wait a minute and try again.</source>
        <translation>Zu viele Versuche. Bitte warten Sie eine Minute und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Guest access is turned off for this project. Sign in with email instead.</source>
        <translation>Der Gastzugang ist für dieses Projekt ausgeschaltet. Melden Sie sich stattdessen per E-Mail an.</translation>
    </message>
    <message>
        <source>This project does not accept new accounts. Use the email address of an existing account.</source>
        <translation>Dieses Projekt nimmt keine neuen Konten an. Verwenden Sie die E-Mail-Adresse eines bestehenden Kontos.</translation>
    </message>
    <message>
        <source>Signing in with an email code is turned off for this project. Try another way to sign in.</source>
        <translation>Die Anmeldung per E-Mail-Code ist für dieses Projekt ausgeschaltet. Wählen Sie eine andere Anmeldemethode.</translation>
    </message>
    <message>
        <source>This sign-in method is turned off for this project. Try another way to sign in.</source>
        <translation>Diese Anmeldemethode ist für dieses Projekt ausgeschaltet. Wählen Sie eine andere.</translation>
    </message>
    <message>
        <source>This email address cannot be used here. Check it or use another one.</source>
        <translation>Diese E-Mail-Adresse kann hier nicht verwendet werden. Prüfen Sie sie oder verwenden Sie eine andere.</translation>
    </message>
    <message>
        <source>Some of the details are not valid. Check them and try again.</source>
        <translation>Einige Angaben sind ungültig. Prüfen Sie sie und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The security check failed. Please try again.</source>
        <translation>Die Sicherheitsprüfung ist fehlgeschlagen. Bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>That account is already linked to a different user. Sign in with it instead, or link another account.</source>
        <translation>Dieses Konto ist bereits mit einem anderen Benutzer verknüpft. Melden Sie sich stattdessen damit an oder verknüpfen Sie ein anderes Konto.</translation>
    </message>
    <message>
        <source>That account&apos;s email address is not confirmed yet. Confirm it with the provider, then try again.</source>
        <translation>Die E-Mail-Adresse dieses Kontos ist noch nicht bestätigt. Bestätigen Sie sie beim Anbieter und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The sign-in could not be verified. Please start again.</source>
        <translation>Die Anmeldung konnte nicht überprüft werden. Bitte beginnen Sie von vorn.</translation>
    </message>
    <message>
        <source>This account is blocked. Contact the project&apos;s support.</source>
        <translation>Dieses Konto ist gesperrt. Wenden Sie sich an den Support des Projekts.</translation>
    </message>
    <message>
        <source>An account with this email address already exists. Sign in with an email code instead.</source>
        <translation>Ein Konto mit dieser E-Mail-Adresse besteht bereits. Melden Sie sich stattdessen mit einem E-Mail-Code an.</translation>
    </message>
    <message>
        <source>Another request was changing your session at the same time. Please try again.</source>
        <translation>Eine andere Anfrage hat Ihre Sitzung gleichzeitig geändert. Bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The server took too long to answer. Please try again.</source>
        <translation>Der Server hat zu lange nicht geantwortet. Bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>This account already has a profile. Sign in again to open it.</source>
        <translation>Dieses Konto hat bereits ein Profil. Melden Sie sich erneut an, um es zu öffnen.</translation>
    </message>
    <message>
        <source>The profile was refused: a value is missing, too long or not allowed. Check the fields and try again.</source>
        <translation>Das Profil wurde abgelehnt: Ein Wert fehlt, ist zu lang oder nicht erlaubt. Prüfen Sie die Felder und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>You are not allowed to change this profile. Sign out and sign in again.</source>
        <translation>Sie dürfen dieses Profil nicht ändern. Melden Sie sich ab und wieder an.</translation>
    </message>
    <message>
        <source>The server refused the details that were sent. Check them and try again.</source>
        <translation>Der Server hat die gesendeten Angaben abgelehnt. Prüfen Sie sie und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>You are not allowed to do that right now. Sign in again and retry.</source>
        <translation>Das ist Ihnen gerade nicht erlaubt. Melden Sie sich erneut an und versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>The server does not offer this. Check the project address in Settings.</source>
        <translation>Der Server bietet das nicht an. Prüfen Sie die Projektadresse in den Einstellungen.</translation>
    </message>
    <message>
        <source>Something changed at the same time. Please try again.</source>
        <translation>Gleichzeitig hat sich etwas geändert. Bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>What was sent is too large. Shorten it and try again.</source>
        <translation>Die gesendeten Daten sind zu groß. Kürzen Sie sie und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The server has a problem right now. Please try again in a few minutes.</source>
        <translation>Der Server hat gerade ein Problem. Bitte versuchen Sie es in ein paar Minuten erneut.</translation>
    </message>
    <message>
        <source>The request did not work. Please try again.</source>
        <translation>Die Anfrage hat nicht funktioniert. Bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Enter the project URL, for example https://your-project.supabase.co.</source>
        <translation>Geben Sie die Projekt-URL ein, zum Beispiel https://ihr-projekt.supabase.co.</translation>
    </message>
    <message>
        <source>The project URL must start with https://.</source>
        <translation>Die Projekt-URL muss mit https:// beginnen.</translation>
    </message>
    <message>
        <source>The project URL must use https://. Plain http:// is only allowed for a backend on this computer.</source>
        <translation>Die Projekt-URL muss https:// verwenden. Einfaches http:// ist nur für ein Backend auf diesem Computer erlaubt.</translation>
    </message>
    <message>
        <source>Enter only the project address, such as https://your-project.supabase.co.</source>
        <translation>Geben Sie nur die Projektadresse ein, etwa https://ihr-projekt.supabase.co.</translation>
    </message>
    <message>
        <source>Enter the project&apos;s publishable key.</source>
        <translation>Geben Sie den öffentlichen Schlüssel (publishable key) des Projekts ein.</translation>
    </message>
    <message>
        <source>This is a secret key. Use the project&apos;s publishable key instead: a secret key bypasses all access rules, and anyone who has this app could read it.</source>
        <translation>Das ist ein geheimer Schlüssel. Verwenden Sie stattdessen den öffentlichen Schlüssel des Projekts: Ein geheimer Schlüssel umgeht alle Zugriffsregeln, und jeder, der diese App hat, könnte ihn auslesen.</translation>
    </message>
    <message>
        <source>This is the service_role key. Use the project&apos;s anon (publishable) key instead: the service_role key bypasses all access rules, and anyone who has this app could read it.</source>
        <translation>Das ist der service_role-Schlüssel. Verwenden Sie stattdessen den anon-Schlüssel (publishable) des Projekts: Der service_role-Schlüssel umgeht alle Zugriffsregeln, und jeder, der diese App hat, könnte ihn auslesen.</translation>
    </message>
    <message>
        <source>The key contains spaces or characters that do not belong in a key. Copy it again from the project&apos;s API settings.</source>
        <translation>Der Schlüssel enthält Leerzeichen oder Zeichen, die nicht in einen Schlüssel gehören. Kopieren Sie ihn erneut aus den API-Einstellungen des Projekts.</translation>
    </message>
    <message>
        <source>the provider</source>
        <translation>dem Anbieter</translation>
    </message>
    <message>
        <source>Your session could not be removed from this computer&apos;s keychain. Sign out again, or remove the &quot;Exegia Sign-In&quot; entry in your keychain manager.</source>
        <translation>Ihre Sitzung konnte nicht aus dem Schlüsselbund dieses Computers entfernt werden. Melden Sie sich erneut ab oder entfernen Sie den Eintrag „Exegia Sign-In“ in Ihrer Schlüsselbundverwaltung.</translation>
    </message>
    <message>
        <source>Linking accounts is turned off for this project. You can keep signing in the way you do now.</source>
        <translation>Das Verknüpfen von Konten ist für dieses Projekt ausgeschaltet. Sie können sich weiterhin wie bisher anmelden.</translation>
    </message>
    <message>
        <source>The sign-in in the browser took too long and expired. Please start again.</source>
        <translation>Die Anmeldung im Browser hat zu lange gedauert und ist abgelaufen. Bitte beginnen Sie erneut.</translation>
    </message>
    <message>
        <source>The browser answered for a different sign-in attempt, perhaps an older tab. Please start again and finish in the tab that opens.</source>
        <translation>Der Browser hat für einen anderen Anmeldeversuch geantwortet, vielleicht aus einem älteren Tab. Bitte beginnen Sie erneut und schließen Sie die Anmeldung in dem Tab ab, der sich öffnet.</translation>
    </message>
    <message>
        <source>Signing in with %1 was cancelled.</source>
        <translation>Die Anmeldung mit %1 wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The browser did not come back in time. Please start again and finish signing in with %1 within 5 minutes.</source>
        <translation>Der Browser hat nicht rechtzeitig geantwortet. Bitte beginnen Sie erneut und schließen Sie die Anmeldung mit %1 innerhalb von 5 Minuten ab.</translation>
    </message>
    <message>
        <source>This app could not prepare to receive the browser&apos;s answer. Close other copies of the app and try again.</source>
        <translation>Diese App konnte sich nicht darauf vorbereiten, die Antwort des Browsers zu empfangen. Schließen Sie andere Kopien der App und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>%1 did not give permission. Try again and allow access, or choose another way to sign in.</source>
        <translation>%1 hat keine Erlaubnis erteilt. Versuchen Sie es erneut und erlauben Sie den Zugriff, oder wählen Sie eine andere Anmeldemethode.</translation>
    </message>
    <message>
        <source>The browser could not be opened. Copy the link into your browser to continue.</source>
        <translation>Der Browser konnte nicht geöffnet werden. Kopieren Sie den Link in Ihren Browser, um fortzufahren.</translation>
    </message>
    <message>
        <source>The browser came back without an answer. Please start again.</source>
        <translation>Der Browser kam ohne Antwort zurück. Bitte beginnen Sie erneut.</translation>
    </message>
    <message>
        <source>This account no longer exists. Please sign in again.</source>
        <translation>Dieses Konto existiert nicht mehr. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Your session has ended (you may have signed out on another device). Please sign in again.</source>
        <translation>Ihre Sitzung ist beendet (vielleicht haben Sie sich auf einem anderen Gerät abgemeldet). Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>The server could not be reached. Check your connection, then try again.</source>
        <translation>Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>This %1 account already belongs to another Exegia account, so it cannot save this guest account. Sign in with %1 to open that account instead (this guest account is left behind), or use a different %1 account.</source>
        <translation>Dieses %1-Konto gehört bereits zu einem anderen Exegia-Konto und kann dieses Gastkonto daher nicht sichern. Melden Sie sich mit %1 an, um stattdessen jenes Konto zu öffnen (dieses Gastkonto bleibt zurück), oder verwenden Sie ein anderes %1-Konto.</translation>
    </message>
    <message>
        <source>This %1 account already belongs to another Exegia account, not this one. Sign in with %1 to open that account instead, or link a different %1 account.</source>
        <translation>Dieses %1-Konto gehört bereits zu einem anderen Exegia-Konto, nicht zu diesem. Melden Sie sich mit %1 an, um stattdessen jenes Konto zu öffnen, oder verknüpfen Sie ein anderes %1-Konto.</translation>
    </message>
    <message>
        <source>That code is wrong or was already used. Wait for the next code in your authenticator app and enter it.</source>
        <translation>Dieser Code ist falsch oder wurde bereits verwendet. Warten Sie auf den nächsten Code in Ihrer Authenticator-App und geben Sie ihn ein.</translation>
    </message>
    <message>
        <source>That code came too late. Enter the current code from your authenticator app.</source>
        <translation>Dieser Code kam zu spät. Geben Sie den aktuellen Code aus Ihrer Authenticator-App ein.</translation>
    </message>
    <message>
        <source>This account has too many authenticator apps set up. Remove one before adding another.</source>
        <translation>Für dieses Konto sind zu viele Authenticator-Apps eingerichtet. Entfernen Sie eine, bevor Sie eine weitere hinzufügen.</translation>
    </message>
    <message>
        <source>Enter a code from your authenticator app first, then try again.</source>
        <translation>Geben Sie zuerst einen Code aus Ihrer Authenticator-App ein und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>This is the only way to sign in to your account, so it cannot be removed.</source>
        <translation>Dies ist die einzige Möglichkeit, sich bei Ihrem Konto anzumelden, deshalb kann sie nicht entfernt werden.</translation>
    </message>
    <message>
        <source>Another account already uses this email address. Enter a different one.</source>
        <translation>Diese E-Mail-Adresse wird bereits von einem anderen Konto verwendet. Geben Sie eine andere ein.</translation>
    </message>
    <message>
        <source>For your security, confirm it is you: ask for a code by email and enter it.</source>
        <translation>Bestätigen Sie zu Ihrer Sicherheit, dass Sie es sind: Fordern Sie einen Code per E-Mail an und geben Sie ihn ein.</translation>
    </message>
    <message>
        <source>That confirmation code is wrong or has expired. Ask for a new one.</source>
        <translation>Dieser Bestätigungscode ist falsch oder abgelaufen. Fordern Sie einen neuen an.</translation>
    </message>
    <message>
        <source>This authenticator app is no longer set up for your account. Reload and try again.</source>
        <translation>Diese Authenticator-App ist für Ihr Konto nicht mehr eingerichtet. Laden Sie neu und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Your sign-in has expired. Please try again; if it keeps happening, sign in again.</source>
        <translation>Ihre Anmeldung ist abgelaufen. Bitte versuchen Sie es erneut; wenn das wieder passiert, melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Your sign-in could not be checked because this computer&apos;s clock is wrong. Check the date and time, then try again.</source>
        <translation>Ihre Anmeldung konnte nicht geprüft werden, weil die Uhr dieses Computers falsch geht. Prüfen Sie Datum und Uhrzeit und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Your sign-in could not be verified with this project&apos;s keys. Check the project address in Settings, then sign in again.</source>
        <translation>Ihre Anmeldung konnte mit den Schlüsseln dieses Projekts nicht bestätigt werden. Prüfen Sie die Projektadresse in den Einstellungen und melden Sie sich dann erneut an.</translation>
    </message>
    <message>
        <source>An authenticator app with this name is already set up. Choose another name.</source>
        <translation>Eine Authenticator-App mit diesem Namen ist bereits eingerichtet. Wählen Sie einen anderen Namen.</translation>
    </message>
</context>
<context>
    <name>LastUsed</name>
    <message>
        <source>Last used</source>
        <translation>Zuletzt verwendet</translation>
    </message>
</context>
<context>
    <name>LocalInboxDialog</name>
    <message>
        <source>Local inbox</source>
        <translation>Lokaler Posteingang</translation>
    </message>
    <message>
        <source>The local backend does not send real email. The codes it would have sent arrive here.</source>
        <translation>Das lokale Backend verschickt keine echten E-Mails. Die Codes, die es gesendet hätte, erscheinen hier.</translation>
    </message>
    <message>
        <source>Received codes</source>
        <translation>Empfangene Codes</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Refresh the inbox</source>
        <translation>Posteingang aktualisieren</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Code kopieren</translation>
    </message>
    <message>
        <source>Copy the selected code</source>
        <translation>Ausgewählten Code kopieren</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <source>Exegia</source>
        <translation>Exegia</translation>
    </message>
    <message>
        <source>Create your profile</source>
        <translation>Profil anlegen</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>Picture address (optional)</source>
        <translation>Bildadresse (optional)</translation>
    </message>
    <message>
        <source>Picture address</source>
        <translation>Bildadresse</translation>
    </message>
    <message>
        <source>Create profile</source>
        <translation>Profil anlegen</translation>
    </message>
    <message>
        <source>Cancel and sign out</source>
        <translation>Abbrechen und abmelden</translation>
    </message>
</context>
<context>
    <name>RestorePage</name>
    <message>
        <source>Exegia</source>
        <translation>Exegia</translation>
    </message>
    <message>
        <source>Restoring your session…</source>
        <translation>Ihre Sitzung wird wiederhergestellt …</translation>
    </message>
    <message>
        <source>Signing you back in.</source>
        <translation>Sie werden wieder angemeldet.</translation>
    </message>
    <message>
        <source>Restoring your session</source>
        <translation>Ihre Sitzung wird wiederhergestellt</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
</context>
<context>
    <name>SecondFactorPage</name>
    <message>
        <source>Exegia</source>
        <translation>Exegia</translation>
    </message>
    <message>
        <source>Two-step verification</source>
        <translation>Bestätigung in zwei Schritten</translation>
    </message>
    <message>
        <source>Enter the code from your authenticator app.</source>
        <translation>Geben Sie den Code aus Ihrer Authenticator-App ein.</translation>
    </message>
    <message>
        <source>6-digit code</source>
        <translation>6-stelliger Code</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Verify the code</source>
        <translation>Code bestätigen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel and sign out</source>
        <translation>Abbrechen und abmelden</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Choose where your account lives: the local backend on this computer (for trying the app), or your own Supabase project.</source>
        <translation>Wählen Sie, wo Ihr Konto liegt: im lokalen Backend auf diesem Computer (zum Ausprobieren der App) oder in Ihrem eigenen Supabase-Projekt.</translation>
    </message>
    <message>
        <source>Use the local backend</source>
        <translation>Lokales Backend verwenden</translation>
    </message>
    <message>
        <source>Use a Supabase project</source>
        <translation>Supabase-Projekt verwenden</translation>
    </message>
    <message>
        <source>Project URL</source>
        <translation>Projekt-URL</translation>
    </message>
    <message>
        <source>Publishable key</source>
        <translation>Öffentlicher Schlüssel</translation>
    </message>
    <message>
        <source>Google desktop client ID (optional)</source>
        <translation>Google-Desktop-Client-ID (optional)</translation>
    </message>
    <message>
        <source>Google desktop client ID</source>
        <translation>Google-Desktop-Client-ID</translation>
    </message>
    <message>
        <source>Use the publishable (anon) key. Secret and service_role keys are refused: anyone who has this app could read them.</source>
        <translation>Verwenden Sie den öffentlichen Schlüssel (anon). Geheime und service_role-Schlüssel werden abgelehnt: Jeder, der diese App hat, könnte sie auslesen.</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Exegia</source>
        <translation>Exegia</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Use your Google or Apple account, or get a one-time code by email. New here? The same steps create your account.</source>
        <translation>Verwenden Sie Ihr Google- oder Apple-Konto oder lassen Sie sich einen Einmalcode per E-Mail schicken. Neu hier? Mit denselben Schritten legen Sie Ihr Konto an.</translation>
    </message>
    <message>
        <source>Continue with Google</source>
        <translation>Weiter mit Google</translation>
    </message>
    <message>
        <source>Continue with Apple</source>
        <translation>Weiter mit Apple</translation>
    </message>
    <message>
        <source>or</source>
        <translation>oder</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>E-Mail-Adresse</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@beispiel.de</translation>
    </message>
    <message>
        <source>Email me a code</source>
        <translation>Code per E-Mail senden</translation>
    </message>
    <message>
        <source>Continue as guest</source>
        <translation>Als Gast fortfahren</translation>
    </message>
    <message>
        <source>Try the app without an account. You can save your account later.</source>
        <translation>Probieren Sie die App ohne Konto aus. Sie können Ihr Konto später sichern.</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <source>Exegia Sign-In is already running. Switch to its window: two copies would share one saved session and could sign each other out.</source>
        <translation>Exegia Sign-In läuft bereits. Wechseln Sie zu dessen Fenster: Zwei Kopien würden sich eine gespeicherte Sitzung teilen und könnten sich gegenseitig abmelden.</translation>
    </message>
</context>
<context>
    <name>exegia::signin::AccountPage</name>
    <message>
        <source>Linked</source>
        <translation>Verknüpft</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Sign out everywhere</source>
        <translation>Überall abmelden</translation>
    </message>
    <message>
        <source>The picture could not be loaded.</source>
        <translation>Das Bild konnte nicht geladen werden.</translation>
    </message>
    <message>
        <source>Save with %1</source>
        <translation>Mit %1 sichern</translation>
    </message>
    <message>
        <source>Link %1</source>
        <translation>%1 verknüpfen</translation>
    </message>
    <message>
        <source>No name yet</source>
        <translation>Noch kein Name</translation>
    </message>
    <message>
        <source>No email address</source>
        <translation>Keine E-Mail-Adresse</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert …</translation>
    </message>
    <message>
        <source>Signing out…</source>
        <translation>Abmeldung läuft …</translation>
    </message>
    <message>
        <source>Signing out everywhere…</source>
        <translation>Überall abmelden …</translation>
    </message>
    <message>
        <source>Save your account by linking %1</source>
        <translation>Konto sichern, indem Sie %1 verknüpfen</translation>
    </message>
    <message>
        <source>Sign in with %1 instead</source>
        <translation>Stattdessen mit %1 anmelden</translation>
    </message>
    <message>
        <source>Sign out of the guest account?</source>
        <translation>Vom Gastkonto abmelden?</translation>
    </message>
    <message>
        <source>This guest account will be lost. Save it with Google or Apple first?</source>
        <translation>Dieses Gastkonto geht verloren. Zuerst mit Google oder Apple sichern?</translation>
    </message>
    <message>
        <source>Save with Google</source>
        <translation>Mit Google sichern</translation>
    </message>
    <message>
        <source>Save with Apple</source>
        <translation>Mit Apple sichern</translation>
    </message>
    <message>
        <source>Sign out anyway</source>
        <translation>Trotzdem abmelden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>%1: Linked</source>
        <translation>%1: Verknüpft</translation>
    </message>
    <message>
        <source>On: signing in also asks for a code from your authenticator app.</source>
        <translation>An: Bei der Anmeldung wird zusätzlich ein Code aus Ihrer Authenticator-App abgefragt.</translation>
    </message>
    <message>
        <source>Off: turn it on to also ask for a code from an authenticator app when you sign in.</source>
        <translation>Aus: Schalten Sie sie ein, damit bei der Anmeldung zusätzlich ein Code aus einer Authenticator-App abgefragt wird.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet …</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Ändern</translation>
    </message>
    <message>
        <source>%1: Linked as %2</source>
        <translation>%1: Verknüpft als %2</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>Trennen</translation>
    </message>
    <message>
        <source>Unlink %1</source>
        <translation>%1 trennen</translation>
    </message>
    <message>
        <source>Unlink %1?</source>
        <translation>%1 trennen?</translation>
    </message>
    <message>
        <source>You will no longer be able to sign in with %1.</source>
        <translation>Sie können sich dann nicht mehr mit %1 anmelden.</translation>
    </message>
    <message>
        <source>You will no longer be able to sign in with %1 (%2).</source>
        <translation>Sie können sich dann nicht mehr mit %1 (%2) anmelden.</translation>
    </message>
</context>
<context>
    <name>exegia::signin::AuthModel</name>
    <message>
        <source>A guest session could not be started. Please try again, or sign in with email.</source>
        <translation>Die Gastsitzung konnte nicht gestartet werden. Bitte versuchen Sie es erneut oder melden Sie sich per E-Mail an.</translation>
    </message>
    <message>
        <source>Enter your email address.</source>
        <translation>Geben Sie Ihre E-Mail-Adresse ein.</translation>
    </message>
    <message>
        <source>Enter an email address such as name@example.com.</source>
        <translation>Geben Sie eine E-Mail-Adresse wie name@beispiel.de ein.</translation>
    </message>
    <message>
        <source>We sent a 6-digit code to %1.</source>
        <translation>Wir haben einen 6-stelligen Code an %1 gesendet.</translation>
    </message>
    <message>
        <source>We already sent a code to %1 a moment ago. Enter it below.</source>
        <translation>Wir haben gerade erst einen Code an %1 gesendet. Geben Sie ihn unten ein.</translation>
    </message>
    <message>
        <source>We sent a new code to %1. Codes sent earlier no longer work.</source>
        <translation>Wir haben einen neuen Code an %1 gesendet. Früher gesendete Codes gelten nicht mehr.</translation>
    </message>
    <message>
        <source>Enter the 6-digit code from the email.</source>
        <translation>Geben Sie den 6-stelligen Code aus der E-Mail ein.</translation>
    </message>
    <message>
        <source>Signing in did not finish. Please try again.</source>
        <translation>Die Anmeldung wurde nicht abgeschlossen. Bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Enter the name other people will see.</source>
        <translation>Geben Sie den Namen ein, den andere sehen.</translation>
    </message>
    <message numerus="yes">
        <source>Use at most %n characters.</source>
        <translation>
            <numerusform>Verwenden Sie höchstens %n Zeichen.</numerusform>
            <numerusform>Verwenden Sie höchstens %n Zeichen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter a web address starting with https://, or leave this empty.</source>
        <translation>Geben Sie eine Webadresse ein, die mit https:// beginnt, oder lassen Sie das Feld leer.</translation>
    </message>
    <message>
        <source>The profile could not be created. Please try again.</source>
        <translation>Das Profil konnte nicht angelegt werden. Bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Your profile was not found. Sign out and sign in again to create it.</source>
        <translation>Ihr Profil wurde nicht gefunden. Melden Sie sich ab und wieder an, um es anzulegen.</translation>
    </message>
    <message>
        <source>Your name was saved.</source>
        <translation>Ihr Name wurde gespeichert.</translation>
    </message>
    <message>
        <source>You are signed out on this computer, but your other devices could not be signed out: %1</source>
        <translation>Sie sind auf diesem Computer abgemeldet, aber Ihre anderen Geräte konnten nicht abgemeldet werden: %1</translation>
    </message>
    <message>
        <source>%1 is now linked to your account.</source>
        <translation>%1 ist jetzt mit Ihrem Konto verknüpft.</translation>
    </message>
    <message>
        <source>You will need to sign in again next time: this computer has no keychain to keep your session in.</source>
        <translation>Beim nächsten Start müssen Sie sich erneut anmelden: Auf diesem Computer gibt es keinen Schlüsselbund, der Ihre Sitzung aufbewahren kann.</translation>
    </message>
    <message>
        <source>The local backend is not answering. It restarts by itself when it stops; try again in a moment.</source>
        <translation>Das lokale Backend antwortet nicht. Es startet von selbst neu, wenn es anhält; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Gast</translation>
    </message>
    <message>
        <source>Exegia Sign-In</source>
        <translation>Exegia-Anmeldung</translation>
    </message>
    <message>
        <source>You are signed in to Exegia Sign-In. You can close this tab.</source>
        <translation>Sie sind bei Exegia-Anmeldung angemeldet. Sie können diesen Tab schließen.</translation>
    </message>
    <message>
        <source>Sign-in failed — return to Exegia Sign-In</source>
        <translation>Anmeldung fehlgeschlagen – kehren Sie zu Exegia-Anmeldung zurück</translation>
    </message>
    <message>
        <source>Return to Exegia Sign-In to see whether you are signed in. You can close this tab.</source>
        <translation>Kehren Sie zu Exegia-Anmeldung zurück, um zu sehen, ob Sie angemeldet sind. Sie können diesen Tab schließen.</translation>
    </message>
    <message>
        <source>Enter the 6-digit code from your authenticator app.</source>
        <translation>Geben Sie den 6-stelligen Code aus Ihrer Authenticator-App ein.</translation>
    </message>
    <message>
        <source>Two-step verification is on. Next time you sign in, enter the code from your authenticator app.</source>
        <translation>Die Bestätigung in zwei Schritten ist eingeschaltet. Geben Sie bei der nächsten Anmeldung den Code aus Ihrer Authenticator-App ein.</translation>
    </message>
    <message>
        <source>Two-step verification is off.</source>
        <translation>Die Bestätigung in zwei Schritten ist ausgeschaltet.</translation>
    </message>
    <message>
        <source>%1 was removed from your sign-in methods.</source>
        <translation>%1 wurde aus Ihren Anmeldemethoden entfernt.</translation>
    </message>
    <message>
        <source>Enter your new email address.</source>
        <translation>Geben Sie Ihre neue E-Mail-Adresse ein.</translation>
    </message>
    <message>
        <source>This is already your email address.</source>
        <translation>Das ist bereits Ihre E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>Your email address is now %1.</source>
        <translation>Ihre E-Mail-Adresse lautet jetzt %1.</translation>
    </message>
</context>
<context>
    <name>exegia::signin::BackendController</name>
    <message>
        <source>Starting the local backend…</source>
        <translation>Lokales Backend wird gestartet …</translation>
    </message>
    <message>
        <source>Local backend</source>
        <translation>Lokales Backend</translation>
    </message>
    <message>
        <source>Local backend (not running)</source>
        <translation>Lokales Backend (läuft nicht)</translation>
    </message>
    <message>
        <source>Choose a Supabase project in Settings, or restart the app to try again.</source>
        <translation>Wählen Sie in den Einstellungen ein Supabase-Projekt oder starten Sie die App neu, um es erneut zu versuchen.</translation>
    </message>
    <message>
        <source>The local backend stopped and could not be started again.</source>
        <translation>Das lokale Backend wurde beendet und konnte nicht wieder gestartet werden.</translation>
    </message>
</context>
<context>
    <name>exegia::signin::BackendFailedPage</name>
    <message>
        <source>The local backend stopped</source>
        <translation>Das lokale Backend wurde beendet</translation>
    </message>
    <message>
        <source>Restart the local backend</source>
        <translation>Lokales Backend neu starten</translation>
    </message>
    <message>
        <source>Last lines of the local backend&apos;s log</source>
        <translation>Letzte Zeilen des Protokolls des lokalen Backends</translation>
    </message>
    <message>
        <source>Restarting the local backend…</source>
        <translation>Lokales Backend wird neu gestartet …</translation>
    </message>
    <message>
        <source>Your session and your local data are kept. Restart the local backend, or choose a Supabase project in Settings.</source>
        <translation>Ihre Sitzung und Ihre lokalen Daten bleiben erhalten. Starten Sie das lokale Backend neu oder wählen Sie in den Einstellungen ein Supabase-Projekt.</translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation>Details ausblenden</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>Details anzeigen</translation>
    </message>
</context>
<context>
    <name>exegia::signin::BrowserPage</name>
    <message>
        <source>Finish in your browser</source>
        <translation>Im Browser abschließen</translation>
    </message>
    <message>
        <source>Waiting for the browser</source>
        <translation>Warten auf den Browser</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Link kopieren</translation>
    </message>
    <message>
        <source>Open the browser again</source>
        <translation>Browser erneut öffnen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Opening your browser…</source>
        <translation>Ihr Browser wird geöffnet …</translation>
    </message>
    <message>
        <source>Sign in with %1 on the page that opened in your browser to link it to this account. This window continues by itself when you are done.</source>
        <translation>Melden Sie sich auf der Seite, die sich in Ihrem Browser geöffnet hat, mit %1 an, um es mit diesem Konto zu verknüpfen. Dieses Fenster macht danach von selbst weiter.</translation>
    </message>
    <message>
        <source>Sign in with %1 on the page that opened in your browser. This window continues by itself when you are done.</source>
        <translation>Melden Sie sich auf der Seite, die sich in Ihrem Browser geöffnet hat, mit %1 an. Dieses Fenster macht danach von selbst weiter.</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>Copy the sign-in link</source>
        <translation>Den Anmeldelink kopieren</translation>
    </message>
    <message>
        <source>Cancel signing in</source>
        <translation>Anmeldung abbrechen</translation>
    </message>
    <message>
        <source>Try to open the browser again</source>
        <translation>Erneut versuchen, den Browser zu öffnen</translation>
    </message>
    <message>
        <source>Open the link below in your browser and sign in with %1 there. This window continues by itself when you are done.</source>
        <translation>Öffnen Sie den Link unten in Ihrem Browser und melden Sie sich dort mit %1 an. Dieses Fenster macht danach von selbst weiter.</translation>
    </message>
</context>
<context>
    <name>exegia::signin::CodePage</name>
    <message>
        <source>Verify</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Send a new code</source>
        <translation>Neuen Code senden</translation>
    </message>
    <message>
        <source>Enter the 6-digit code we sent to %1. It can take a minute to arrive.</source>
        <translation>Geben Sie den 6-stelligen Code ein, den wir an %1 gesendet haben. Es kann eine Minute dauern, bis er ankommt.</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>Wird geprüft …</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet …</translation>
    </message>
    <message>
        <source>Send a new code (%1 s)</source>
        <translation>Neuen Code senden (%1 s)</translation>
    </message>
    <message numerus="yes">
        <source>For security, a new code can be sent in %n second(s).</source>
        <translation>
            <numerusform>Aus Sicherheitsgründen kann in %n Sekunde ein neuer Code gesendet werden.</numerusform>
            <numerusform>Aus Sicherheitsgründen kann in %n Sekunden ein neuer Code gesendet werden.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>exegia::signin::EmailChangePage</name>
    <message>
        <source>Enter the 6-digit code we sent to %1. Your address changes once the code is confirmed.</source>
        <translation>Geben Sie den 6-stelligen Code ein, den wir an %1 gesendet haben. Ihre Adresse ändert sich, sobald der Code bestätigt ist.</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>Wird geprüft …</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Bestätigen</translation>
    </message>
</context>
<context>
    <name>exegia::signin::LocalBackend</name>
    <message>
        <source>The local backend did not report that it was ready in time.</source>
        <translation>Das lokale Backend hat nicht rechtzeitig gemeldet, dass es bereit ist.</translation>
    </message>
    <message>
        <source>The local backend (%1) is not installed next to this app or on the PATH.</source>
        <translation>Das lokale Backend (%1) ist weder neben dieser App noch im PATH installiert.</translation>
    </message>
    <message>
        <source>The folder for local data (%1) could not be created.</source>
        <translation>Der Ordner für lokale Daten (%1) konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>The local backend could not be started: %1</source>
        <translation>Das lokale Backend konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>The local backend stopped while starting (exit code %1). Another copy of this app may be using its data folder.</source>
        <translation>Das lokale Backend wurde beim Start beendet (Exit-Code %1). Möglicherweise verwendet eine andere Instanz dieser App den Datenordner.</translation>
    </message>
    <message>
        <source>The local backend started but did not say where it listens.</source>
        <translation>Das lokale Backend wurde gestartet, hat aber nicht mitgeteilt, wo es erreichbar ist.</translation>
    </message>
</context>
<context>
    <name>exegia::signin::LocalInbox</name>
    <message>
        <source>The local inbox is only available with the local backend.</source>
        <translation>Der lokale Posteingang ist nur mit dem lokalen Backend verfügbar.</translation>
    </message>
    <message>
        <source>The local inbox could not be read. Is the local backend still running?</source>
        <translation>Der lokale Posteingang konnte nicht gelesen werden. Läuft das lokale Backend noch?</translation>
    </message>
</context>
<context>
    <name>exegia::signin::LocalInboxDialog</name>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>No codes yet. Ask for a code on the sign-in page.</source>
        <translation>Noch keine Codes. Fordern Sie auf der Anmeldeseite einen Code an.</translation>
    </message>
    <message numerus="yes">
        <source>%n code(s) received.</source>
        <translation>
            <numerusform>%n Code empfangen.</numerusform>
            <numerusform>%n Codes empfangen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Code %1 copied. Paste it into the code field.</source>
        <translation>Code %1 kopiert. Fügen Sie ihn in das Codefeld ein.</translation>
    </message>
</context>
<context>
    <name>exegia::signin::MainWindow</name>
    <message>
        <source>Backend: %1</source>
        <translation>Backend: %1</translation>
    </message>
    <message>
        <source>Exegia Sign-In</source>
        <translation>Exegia-Anmeldung</translation>
    </message>
    <message>
        <source>Local inbox</source>
        <translation>Lokaler Posteingang</translation>
    </message>
    <message>
        <source>Open the local inbox</source>
        <translation>Lokalen Posteingang öffnen</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Open the settings</source>
        <translation>Einstellungen öffnen</translation>
    </message>
    <message>
        <source>Restarting the local backend…</source>
        <translation>Lokales Backend wird neu gestartet …</translation>
    </message>
    <message>
        <source>Local backend (not running)</source>
        <translation>Lokales Backend (läuft nicht)</translation>
    </message>
</context>
<context>
    <name>exegia::signin::RegisterPage</name>
    <message>
        <source>Create profile</source>
        <translation>Profil anlegen</translation>
    </message>
    <message>
        <source>Cancel and sign out</source>
        <translation>Abbrechen und abmelden</translation>
    </message>
    <message>
        <source>You are signed in as %1, but there is no profile yet. Choose the name other people will see.</source>
        <translation>Sie sind als %1 angemeldet, haben aber noch kein Profil. Wählen Sie den Namen, den andere sehen.</translation>
    </message>
    <message>
        <source>Creating profile…</source>
        <translation>Profil wird angelegt …</translation>
    </message>
    <message>
        <source>Signing out…</source>
        <translation>Abmeldung läuft …</translation>
    </message>
</context>
<context>
    <name>exegia::signin::RestorePage</name>
    <message>
        <source>Restoring your session…</source>
        <translation>Ihre Sitzung wird wiederhergestellt …</translation>
    </message>
    <message>
        <source>Restoring your session</source>
        <translation>Ihre Sitzung wird wiederhergestellt</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>You are still signed in</source>
        <translation>Sie sind weiterhin angemeldet</translation>
    </message>
    <message>
        <source>Try to restore your session again</source>
        <translation>Erneut versuchen, Ihre Sitzung wiederherzustellen</translation>
    </message>
    <message>
        <source>Checking your saved session with the server.</source>
        <translation>Ihre gespeicherte Sitzung wird beim Server geprüft.</translation>
    </message>
</context>
<context>
    <name>exegia::signin::SecondFactorPage</name>
    <message>
        <source>Verifying…</source>
        <translation>Wird geprüft …</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Signing out…</source>
        <translation>Abmeldung läuft …</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>exegia::signin::SettingsDialog</name>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Copy address</source>
        <translation>Adresse kopieren</translation>
    </message>
    <message>
        <source>Publishable key</source>
        <translation>Öffentlicher Schlüssel</translation>
    </message>
    <message>
        <source>Copy key</source>
        <translation>Schlüssel kopieren</translation>
    </message>
</context>
<context>
    <name>exegia::signin::SignInPage</name>
    <message>
        <source>Use your Google or Apple account, or get a one-time code by email. New here? The same steps create your account.</source>
        <translation>Verwenden Sie Ihr Google- oder Apple-Konto oder lassen Sie sich einen Einmalcode per E-Mail schicken. Neu hier? Mit denselben Schritten legen Sie Ihr Konto an.</translation>
    </message>
    <message>
        <source>Email me a code</source>
        <translation>Code per E-Mail senden</translation>
    </message>
    <message>
        <source>Continue as guest</source>
        <translation>Als Gast fortfahren</translation>
    </message>
    <message>
        <source>Sending code…</source>
        <translation>Code wird gesendet …</translation>
    </message>
    <message>
        <source>Starting guest session…</source>
        <translation>Gastsitzung wird gestartet …</translation>
    </message>
    <message>
        <source>Starting the local backend…</source>
        <translation>Lokales Backend wird gestartet …</translation>
    </message>
</context>
<context>
    <name>exegia::signin::TotpDialog</name>
    <message>
        <source>Turn on two-step verification</source>
        <translation>Bestätigung in zwei Schritten einschalten</translation>
    </message>
    <message>
        <source>Turn off two-step verification</source>
        <translation>Bestätigung in zwei Schritten ausschalten</translation>
    </message>
    <message>
        <source>Scan the QR code with an authenticator app, then enter the 6-digit code it shows.</source>
        <translation>Scannen Sie den QR-Code mit einer Authenticator-App und geben Sie dann den 6-stelligen Code ein, den sie anzeigt.</translation>
    </message>
    <message>
        <source>Enter the 6-digit code from your authenticator app to turn two-step verification off.</source>
        <translation>Geben Sie den 6-stelligen Code aus Ihrer Authenticator-App ein, um die Bestätigung in zwei Schritten auszuschalten.</translation>
    </message>
    <message>
        <source>6-digit code</source>
        <translation>6-stelliger Code</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>QR code for your authenticator app</source>
        <translation>QR-Code für Ihre Authenticator-App</translation>
    </message>
    <message>
        <source>Cannot scan it? Enter this key in the app:</source>
        <translation>Scannen klappt nicht? Geben Sie diesen Schlüssel in der App ein:</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft …</translation>
    </message>
    <message>
        <source>Turn on</source>
        <translation>Einschalten</translation>
    </message>
    <message>
        <source>Turn off</source>
        <translation>Ausschalten</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>Copy key</source>
        <translation>Schlüssel kopieren</translation>
    </message>
</context>
</TS>
