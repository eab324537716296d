<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Accessibility</name>
    <message>
        <source>This is %1 characters long; use at most %2.</source>
        <translation>Cela fait %1 caractères ; %2 au maximum.</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
</context>
<context>
    <name>AccountPage</name>
    <message>
        <source>Profile picture</source>
        <translation>Photo de profil</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Invité</translation>
    </message>
    <message>
        <source>Guest account</source>
        <translation>Compte invité</translation>
    </message>
    <message>
        <source>You are using a guest account. Save your account by linking Google or Apple, so you can sign in again on any device.</source>
        <translation>Vous utilisez un compte invité. Enregistrez votre compte en associant Google ou Apple pour pouvoir vous reconnecter sur n’importe quel appareil.</translation>
    </message>
    <message>
        <source>Sign-in methods</source>
        <translation>Méthodes de connexion</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Linked</source>
        <translation>Associé</translation>
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
        <translation>Nom affiché</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Save display name</source>
        <translation>Enregistrer le nom affiché</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <source>Sign out on this computer</source>
        <translation>Se déconnecter sur cet ordinateur</translation>
    </message>
    <message>
        <source>Sign out everywhere</source>
        <translation>Se déconnecter partout</translation>
    </message>
    <message>
        <source>Sign out on all devices</source>
        <translation>Se déconnecter sur tous les appareils</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>Dissocier</translation>
    </message>
    <message>
        <source>Change email address</source>
        <translation>Changer d’adresse e-mail</translation>
    </message>
    <message>
        <source>New email address</source>
        <translation>Nouvelle adresse e-mail</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Changer</translation>
    </message>
    <message>
        <source>Send a code to the new address</source>
        <translation>Envoyer un code à la nouvelle adresse</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sécurité</translation>
    </message>
    <message>
        <source>Two-step verification</source>
        <translation>Validation en deux étapes</translation>
    </message>
</context>
<context>
    <name>AppConfig</name>
    <message>
        <source>Give both --url and --key, or neither.</source>
        <translation>Indiquez --url et --key ensemble, ou aucun des deux.</translation>
    </message>
    <message>
        <source>Local backend</source>
        <translation>Serveur local</translation>
    </message>
    <message>
        <source>No project</source>
        <translation>Aucun projet</translation>
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
        <translation>Terminez dans votre navigateur</translation>
    </message>
    <message>
        <source>Sign in on the page that opened in your browser, then come back here. This window continues by itself.</source>
        <translation>Connectez-vous sur la page ouverte dans votre navigateur, puis revenez ici. Cette fenêtre continue d’elle-même.</translation>
    </message>
    <message>
        <source>Waiting for the browser</source>
        <translation>En attente du navigateur</translation>
    </message>
    <message>
        <source>The browser could not be opened. Copy this link and open it in your browser to continue.</source>
        <translation>Le navigateur n’a pas pu être ouvert. Copiez ce lien et ouvrez-le dans votre navigateur pour continuer.</translation>
    </message>
    <message>
        <source>No browser window? Open it again, or copy the link into your browser.</source>
        <translation>Pas de fenêtre de navigateur ? Rouvrez-la, ou copiez le lien dans votre navigateur.</translation>
    </message>
    <message>
        <source>Sign-in link</source>
        <translation>Lien de connexion</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Copier le lien</translation>
    </message>
    <message>
        <source>Open the browser again</source>
        <translation>Rouvrir le navigateur</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
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
        <translation>Consultez vos e-mails</translation>
    </message>
    <message>
        <source>6-digit code</source>
        <translation>Code à 6 chiffres</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Vérifier</translation>
    </message>
    <message>
        <source>Verify the code</source>
        <translation>Vérifier le code</translation>
    </message>
    <message>
        <source>Send a new code</source>
        <translation>Envoyer un nouveau code</translation>
    </message>
    <message>
        <source>Use another email</source>
        <translation>Utiliser un autre e-mail</translation>
    </message>
    <message>
        <source>Use another email address</source>
        <translation>Utiliser une autre adresse e-mail</translation>
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
        <translation>Confirmez votre nouvelle adresse e-mail</translation>
    </message>
    <message>
        <source>6-digit code</source>
        <translation>Code à 6 chiffres</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Vérifier</translation>
    </message>
    <message>
        <source>Verify the code</source>
        <translation>Vérifier le code</translation>
    </message>
    <message>
        <source>Send a new code</source>
        <translation>Envoyer un nouveau code</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Keep your current email address</source>
        <translation>Garder votre adresse e-mail actuelle</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>The server took too long to answer. Check your connection and try again.</source>
        <translation>Le serveur a mis trop de temps à répondre. Vérifiez votre connexion et réessayez.</translation>
    </message>
    <message>
        <source>The server refused the connection. Check the project address in Settings, or try again in a moment.</source>
        <translation>Le serveur a refusé la connexion. Vérifiez l’adresse du projet dans les paramètres, ou réessayez dans un instant.</translation>
    </message>
    <message>
        <source>The connection was interrupted. Please try again.</source>
        <translation>La connexion a été interrompue. Veuillez réessayer.</translation>
    </message>
    <message>
        <source>The server could not be found. Check your internet connection and the project address in Settings.</source>
        <translation>Le serveur est introuvable. Vérifiez votre connexion internet et l’adresse du projet dans les paramètres.</translation>
    </message>
    <message>
        <source>A secure connection to the server could not be made. Check the computer&apos;s date and time, and the network you are on.</source>
        <translation>Impossible d’établir une connexion sécurisée avec le serveur. Vérifiez la date et l’heure de l’ordinateur, ainsi que le réseau auquel vous êtes connecté.</translation>
    </message>
    <message>
        <source>The server sent an answer this app does not understand. If you are on a public network, sign in to it in your browser first, then try again.</source>
        <translation>Le serveur a envoyé une réponse que cette application ne comprend pas. Si vous êtes sur un réseau public, connectez-vous d’abord à celui-ci dans votre navigateur, puis réessayez.</translation>
    </message>
    <message>
        <source>The server could not be reached. Check your connection and try again.</source>
        <translation>Le serveur est injoignable. Vérifiez votre connexion et réessayez.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong. Please try again.</source>
        <translation>Une erreur inattendue s’est produite. Veuillez réessayer.</translation>
    </message>
    <message>
        <source>The project key was refused by the server. Check the publishable key in Settings; you are still signed in.</source>
        <translation>La clé du projet a été refusée par le serveur. Vérifiez la clé publiable dans les paramètres ; vous êtes toujours connecté.</translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Votre session a pris fin. Veuillez vous reconnecter.</translation>
    </message>
    <message>
        <source>That code is wrong or has expired. Check the digits, or send a new code.</source>
        <translation>Ce code est erroné ou a expiré. Vérifiez les chiffres, ou envoyez un nouveau code.</translation>
    </message>
    <message numerus="yes">
        <source>A code was sent a moment ago. You can ask for a new one in %n second(s).</source>
        <translation>
            <numerusform>Un code vient d’être envoyé. Vous pourrez en demander un nouveau dans %n seconde.</numerusform>
            <numerusform>Un code vient d’être envoyé. Vous pourrez en demander un nouveau dans %n secondes.</numerusform>
        </translation>
    </message>
    <message>
        <source>A code was sent a moment ago. Please wait a minute before asking for a new one.</source>
        <translation>Un code vient d’être envoyé. Attendez une minute avant d’en demander un nouveau.</translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts. Please wait %n second(s) and try again.</source>
        <translation>
            <numerusform>Trop de tentatives. Attendez %n seconde, puis réessayez.</numerusform>
            <numerusform>Trop de tentatives. Attendez %n secondes, puis réessayez.</numerusform>
        </translation>
    </message>
    <message>
        <source>Too many attempts. Please wait a minute and try again.</source>
        <translation>Trop de tentatives. Attendez une minute, puis réessayez.</translation>
    </message>
    <message>
        <source>Guest access is turned off for this project. Sign in with email instead.</source>
        <translation>L’accès invité est désactivé pour ce projet. Connectez-vous plutôt par e-mail.</translation>
    </message>
    <message>
        <source>This project does not accept new accounts. Use the email address of an existing account.</source>
        <translation>Ce projet n’accepte pas de nouveaux comptes. Utilisez l’adresse e-mail d’un compte existant.</translation>
    </message>
    <message>
        <source>Signing in with an email code is turned off for this project. Try another way to sign in.</source>
        <translation>La connexion par code e-mail est désactivée pour ce projet. Essayez une autre méthode de connexion.</translation>
    </message>
    <message>
        <source>This sign-in method is turned off for this project. Try another way to sign in.</source>
        <translation>Cette méthode de connexion est désactivée pour ce projet. Essayez-en une autre.</translation>
    </message>
    <message>
        <source>This email address cannot be used here. Check it or use another one.</source>
        <translation>Cette adresse e-mail ne peut pas être utilisée ici. Vérifiez-la ou utilisez-en une autre.</translation>
    </message>
    <message>
        <source>Some of the details are not valid. Check them and try again.</source>
        <translation>Certaines informations ne sont pas valides. Vérifiez-les et réessayez.</translation>
    </message>
    <message>
        <source>The security check failed. Please try again.</source>
        <translation>La vérification de sécurité a échoué. Veuillez réessayer.</translation>
    </message>
    <message>
        <source>That account is already linked to a different user. Sign in with it instead, or link another account.</source>
        <translation>Ce compte est déjà associé à un autre utilisateur. Connectez-vous plutôt avec celui-ci, ou associez un autre compte.</translation>
    </message>
    <message>
        <source>That account&apos;s email address is not confirmed yet. Confirm it with the provider, then try again.</source>
        <translation>L’adresse e-mail de ce compte n’est pas encore confirmée. Confirmez-la auprès du fournisseur, puis réessayez.</translation>
    </message>
    <message>
        <source>The sign-in could not be verified. Please start again.</source>
        <translation>La connexion n’a pas pu être vérifiée. Veuillez recommencer.</translation>
    </message>
    <message>
        <source>This account is blocked. Contact the project&apos;s support.</source>
        <translation>Ce compte est bloqué. Contactez l’assistance du projet.</translation>
    </message>
    <message>
        <source>An account with this email address already exists. Sign in with an email code instead.</source>
        <translation>Un compte avec cette adresse e-mail existe déjà. Connectez-vous plutôt avec un code par e-mail.</translation>
    </message>
    <message>
        <source>Another request was changing your session at the same time. Please try again.</source>
        <translation>Une autre requête modifiait votre session au même moment. Veuillez réessayer.</translation>
    </message>
    <message>
        <source>The server took too long to answer. Please try again.</source>
        <translation>Le serveur a mis trop de temps à répondre. Veuillez réessayer.</translation>
    </message>
    <message>
        <source>This account already has a profile. Sign in again to open it.</source>
        <translation>Ce compte a déjà un profil. Reconnectez-vous pour l’ouvrir.</translation>
    </message>
    <message>
        <source>The profile was refused: a value is missing, too long or not allowed. Check the fields and try again.</source>
        <translation>Le profil a été refusé : une valeur manque, est trop longue ou n’est pas autorisée. Vérifiez les champs et réessayez.</translation>
    </message>
    <message>
        <source>You are not allowed to change this profile. Sign out and sign in again.</source>
        <translation>Vous n’êtes pas autorisé à modifier ce profil. Déconnectez-vous puis reconnectez-vous.</translation>
    </message>
    <message>
        <source>The server refused the details that were sent. Check them and try again.</source>
        <translation>Le serveur a refusé les informations envoyées. Vérifiez-les et réessayez.</translation>
    </message>
    <message>
        <source>You are not allowed to do that right now. Sign in again and retry.</source>
        <translation>Vous n’êtes pas autorisé à faire cela pour le moment. Reconnectez-vous et réessayez.</translation>
    </message>
    <message>
        <source>The server does not offer this. Check the project address in Settings.</source>
        <translation>Le serveur ne propose pas cette fonction. Vérifiez l’adresse du projet dans les paramètres.</translation>
    </message>
    <message>
        <source>Something changed at the same time. Please try again.</source>
        <translation>Quelque chose a changé au même moment. Veuillez réessayer.</translation>
    </message>
    <message>
        <source>What was sent is too large. Shorten it and try again.</source>
        <translation>Les données envoyées sont trop volumineuses. Raccourcissez-les et réessayez.</translation>
    </message>
    <message>
        <source>The server has a problem right now. Please try again in a few minutes.</source>
        <translation>Le serveur rencontre un problème. Veuillez réessayer dans quelques minutes.</translation>
    </message>
    <message>
        <source>The request did not work. Please try again.</source>
        <translation>La requête n’a pas abouti. Veuillez réessayer.</translation>
    </message>
    <message>
        <source>Enter the project URL, for example https://your-project.supabase.co.</source>
        <translation>Saisissez l’URL du projet, par exemple https://votre-projet.supabase.co.</translation>
    </message>
    <message>
        <source>The project URL must start with https://.</source>
        <translation>L’URL du projet doit commencer par https://.</translation>
    </message>
    <message>
        <source>The project URL must use https://. Plain http:// is only allowed for a backend on this computer.</source>
        <translation>L’URL du projet doit utiliser https://. Le simple http:// n’est autorisé que pour un serveur sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Enter only the project address, such as https://your-project.supabase.co.</source>
        <translation>Saisissez uniquement l’adresse du projet, par exemple https://votre-projet.supabase.co.</translation>
    </message>
    <message>
        <source>Enter the project&apos;s publishable key.</source>
        <translation>Saisissez la clé publique (publishable key) du projet.</translation>
    </message>
    <message>
        <source>This is a secret key. Use the project&apos;s publishable key instead: a secret key bypasses all access rules, and anyone who has this app could read it.</source>
        <translation>C’est une clé secrète. Utilisez plutôt la clé publique du projet : une clé secrète contourne toutes les règles d’accès, et toute personne disposant de cette application pourrait la lire.</translation>
    </message>
    <message>
        <source>This is the service_role key. Use the project&apos;s anon (publishable) key instead: the service_role key bypasses all access rules, and anyone who has this app could read it.</source>
        <translation>C’est la clé service_role. Utilisez plutôt la clé anon (publique) du projet : la clé service_role contourne toutes les règles d’accès, et toute personne disposant de cette application pourrait la lire.</translation>
    </message>
    <message>
        <source>The key contains spaces or characters that do not belong in a key. Copy it again from the project&apos;s API settings.</source>
        <translation>La clé contient des espaces ou des caractères qui n’ont rien à y faire. Copiez-la à nouveau depuis les paramètres API du projet.</translation>
    </message>
    <message>
        <source>the provider</source>
        <translation>le fournisseur</translation>
    </message>
    <message>
        <source>Your session could not be removed from this computer&apos;s keychain. Sign out again, or remove the &quot;Exegia Sign-In&quot; entry in your keychain manager.</source>
        <translation>Votre session n’a pas pu être retirée du trousseau de cet ordinateur. Déconnectez-vous à nouveau, ou supprimez l’entrée « Exegia Sign-In » dans votre gestionnaire de trousseau.</translation>
    </message>
    <message>
        <source>Linking accounts is turned off for this project. You can keep signing in the way you do now.</source>
        <translation>L’association de comptes est désactivée pour ce projet. Vous pouvez continuer à vous connecter comme maintenant.</translation>
    </message>
    <message>
        <source>The sign-in in the browser took too long and expired. Please start again.</source>
        <translation>La connexion dans le navigateur a pris trop de temps et a expiré. Veuillez recommencer.</translation>
    </message>
    <message>
        <source>The browser answered for a different sign-in attempt, perhaps an older tab. Please start again and finish in the tab that opens.</source>
        <translation>Le navigateur a répondu pour une autre tentative de connexion, peut-être un ancien onglet. Veuillez recommencer et terminer dans l’onglet qui s’ouvre.</translation>
    </message>
    <message>
        <source>Signing in with %1 was cancelled.</source>
        <translation>La connexion avec %1 a été annulée.</translation>
    </message>
    <message>
        <source>The browser did not come back in time. Please start again and finish signing in with %1 within 5 minutes.</source>
        <translation>Le navigateur n’est pas revenu à temps. Veuillez recommencer et terminer la connexion avec %1 en moins de 5 minutes.</translation>
    </message>
    <message>
        <source>This app could not prepare to receive the browser&apos;s answer. Close other copies of the app and try again.</source>
        <translation>Cette application n’a pas pu se préparer à recevoir la réponse du navigateur. Fermez les autres copies de l’application et réessayez.</translation>
    </message>
    <message>
        <source>%1 did not give permission. Try again and allow access, or choose another way to sign in.</source>
        <translation>%1 n’a pas donné son autorisation. Réessayez en autorisant l’accès, ou choisissez un autre moyen de vous connecter.</translation>
    </message>
    <message>
        <source>The browser could not be opened. Copy the link into your browser to continue.</source>
        <translation>Le navigateur n’a pas pu être ouvert. Copiez le lien dans votre navigateur pour continuer.</translation>
    </message>
    <message>
        <source>The browser came back without an answer. Please start again.</source>
        <translation>Le navigateur est revenu sans réponse. Veuillez recommencer.</translation>
    </message>
    <message>
        <source>This account no longer exists. Please sign in again.</source>
        <translation>Ce compte n’existe plus. Veuillez vous reconnecter.</translation>
    </message>
    <message>
        <source>Your session has ended (you may have signed out on another device). Please sign in again.</source>
        <translation>Votre session a pris fin (vous vous êtes peut-être déconnecté sur un autre appareil). Veuillez vous reconnecter.</translation>
    </message>
    <message>
        <source>The server could not be reached. Check your connection, then try again.</source>
        <translation>Le serveur est injoignable. Vérifiez votre connexion, puis réessayez.</translation>
    </message>
    <message>
        <source>This %1 account already belongs to another Exegia account, so it cannot save this guest account. Sign in with %1 to open that account instead (this guest account is left behind), or use a different %1 account.</source>
        <translation>Ce compte %1 appartient déjà à un autre compte Exegia ; il ne peut donc pas enregistrer ce compte invité. Connectez-vous avec %1 pour ouvrir plutôt cet autre compte (ce compte invité sera abandonné), ou utilisez un autre compte %1.</translation>
    </message>
    <message>
        <source>This %1 account already belongs to another Exegia account, not this one. Sign in with %1 to open that account instead, or link a different %1 account.</source>
        <translation>Ce compte %1 appartient déjà à un autre compte Exegia, pas à celui-ci. Connectez-vous avec %1 pour ouvrir plutôt cet autre compte, ou associez un autre compte %1.</translation>
    </message>
    <message>
        <source>That code is wrong or was already used. Wait for the next code in your authenticator app and enter it.</source>
        <translation>Ce code est incorrect ou a déjà été utilisé. Attendez le code suivant dans votre application d’authentification et saisissez-le.</translation>
    </message>
    <message>
        <source>That code came too late. Enter the current code from your authenticator app.</source>
        <translation>Ce code est arrivé trop tard. Saisissez le code actuel de votre application d’authentification.</translation>
    </message>
    <message>
        <source>This account has too many authenticator apps set up. Remove one before adding another.</source>
        <translation>Trop d’applications d’authentification sont configurées pour ce compte. Supprimez-en une avant d’en ajouter une autre.</translation>
    </message>
    <message>
        <source>Enter a code from your authenticator app first, then try again.</source>
        <translation>Saisissez d’abord un code de votre application d’authentification, puis réessayez.</translation>
    </message>
    <message>
        <source>This is the only way to sign in to your account, so it cannot be removed.</source>
        <translation>C’est le seul moyen de vous connecter à votre compte, il ne peut donc pas être supprimé.</translation>
    </message>
    <message>
        <source>Another account already uses this email address. Enter a different one.</source>
        <translation>Cette adresse e-mail est déjà utilisée par un autre compte. Saisissez-en une autre.</translation>
    </message>
    <message>
        <source>For your security, confirm it is you: ask for a code by email and enter it.</source>
        <translation>Pour votre sécurité, confirmez qu’il s’agit bien de vous : demandez un code par e-mail et saisissez-le.</translation>
    </message>
    <message>
        <source>That confirmation code is wrong or has expired. Ask for a new one.</source>
        <translation>Ce code de confirmation est incorrect ou a expiré. Demandez-en un nouveau.</translation>
    </message>
    <message>
        <source>This authenticator app is no longer set up for your account. Reload and try again.</source>
        <translation>Cette application d’authentification n’est plus configurée pour votre compte. Actualisez et réessayez.</translation>
    </message>
    <message>
        <source>Your sign-in has expired. Please try again; if it keeps happening, sign in again.</source>
        <translation>Votre connexion a expiré. Veuillez réessayer ; si cela se reproduit, reconnectez-vous.</translation>
    </message>
    <message>
        <source>Your sign-in could not be checked because this computer&apos;s clock is wrong. Check the date and time, then try again.</source>
        <translation>Votre connexion n’a pas pu être vérifiée, car l’horloge de cet ordinateur est fausse. Vérifiez la date et l’heure, puis réessayez.</translation>
    </message>
    <message>
        <source>Your sign-in could not be verified with this project&apos;s keys. Check the project address in Settings, then sign in again.</source>
        <translation>Votre connexion n’a pas pu être vérifiée avec les clés de ce projet. Vérifiez l’adresse du projet dans les paramètres, puis reconnectez-vous.</translation>
    </message>
    <message>
        <source>An authenticator app with this name is already set up. Choose another name.</source>
        <translation>Une application d’authentification portant ce nom est déjà configurée. Choisissez un autre nom.</translation>
    </message>
</context>
<context>
    <name>LastUsed</name>
    <message>
        <source>Last used</source>
        <translation>Utilisé la dernière fois</translation>
    </message>
</context>
<context>
    <name>LocalInboxDialog</name>
    <message>
        <source>Local inbox</source>
        <translation>Boîte de réception locale</translation>
    </message>
    <message>
        <source>The local backend does not send real email. The codes it would have sent arrive here.</source>
        <translation>Le serveur local n’envoie pas de vrais e-mails. Les codes qu’il aurait envoyés arrivent ici.</translation>
    </message>
    <message>
        <source>Received codes</source>
        <translation>Codes reçus</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Refresh the inbox</source>
        <translation>Actualiser la boîte de réception</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Copier le code</translation>
    </message>
    <message>
        <source>Copy the selected code</source>
        <translation>Copier le code sélectionné</translation>
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
        <translation>Créez votre profil</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Nom affiché</translation>
    </message>
    <message>
        <source>Picture address (optional)</source>
        <translation>Adresse de la photo (facultatif)</translation>
    </message>
    <message>
        <source>Picture address</source>
        <translation>Adresse de la photo</translation>
    </message>
    <message>
        <source>Create profile</source>
        <translation>Créer le profil</translation>
    </message>
    <message>
        <source>Cancel and sign out</source>
        <translation>Annuler et se déconnecter</translation>
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
        <translation>Restauration de votre session…</translation>
    </message>
    <message>
        <source>Signing you back in.</source>
        <translation>Reconnexion en cours.</translation>
    </message>
    <message>
        <source>Restoring your session</source>
        <translation>Restauration de votre session</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Réessayer</translation>
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
        <translation>Validation en deux étapes</translation>
    </message>
    <message>
        <source>Enter the code from your authenticator app.</source>
        <translation>Saisissez le code de votre application d’authentification.</translation>
    </message>
    <message>
        <source>6-digit code</source>
        <translation>Code à 6 chiffres</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Vérifier</translation>
    </message>
    <message>
        <source>Verify the code</source>
        <translation>Vérifier le code</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel and sign out</source>
        <translation>Annuler et se déconnecter</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Choose where your account lives: the local backend on this computer (for trying the app), or your own Supabase project.</source>
        <translation>Choisissez où se trouve votre compte : sur le serveur local de cet ordinateur (pour essayer l’application) ou dans votre propre projet Supabase.</translation>
    </message>
    <message>
        <source>Use the local backend</source>
        <translation>Utiliser le serveur local</translation>
    </message>
    <message>
        <source>Use a Supabase project</source>
        <translation>Utiliser un projet Supabase</translation>
    </message>
    <message>
        <source>Project URL</source>
        <translation>URL du projet</translation>
    </message>
    <message>
        <source>Publishable key</source>
        <translation>Clé publique</translation>
    </message>
    <message>
        <source>Google desktop client ID (optional)</source>
        <translation>ID client Google pour ordinateur (facultatif)</translation>
    </message>
    <message>
        <source>Google desktop client ID</source>
        <translation>ID client Google pour ordinateur</translation>
    </message>
    <message>
        <source>Use the publishable (anon) key. Secret and service_role keys are refused: anyone who has this app could read them.</source>
        <translation>Utilisez la clé publique (anon). Les clés secrètes et service_role sont refusées : toute personne disposant de cette application pourrait les lire.</translation>
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
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Use your Google or Apple account, or get a one-time code by email. New here? The same steps create your account.</source>
        <translation>Utilisez votre compte Google ou Apple, ou recevez un code à usage unique par e-mail. Nouveau ici ? Les mêmes étapes créent votre compte.</translation>
    </message>
    <message>
        <source>Continue with Google</source>
        <translation>Continuer avec Google</translation>
    </message>
    <message>
        <source>Continue with Apple</source>
        <translation>Continuer avec Apple</translation>
    </message>
    <message>
        <source>or</source>
        <translation>ou</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>Adresse e-mail</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>nom@exemple.fr</translation>
    </message>
    <message>
        <source>Email me a code</source>
        <translation>M’envoyer un code par e-mail</translation>
    </message>
    <message>
        <source>Continue as guest</source>
        <translation>Continuer en tant qu’invité</translation>
    </message>
    <message>
        <source>Try the app without an account. You can save your account later.</source>
        <translation>Essayez l’application sans compte. Vous pourrez enregistrer votre compte plus tard.</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <source>Exegia Sign-In is already running. Switch to its window: two copies would share one saved session and could sign each other out.</source>
        <translation>Exegia Sign-In est déjà ouvert. Passez à sa fenêtre : deux copies partageraient une même session enregistrée et pourraient se déconnecter l’une l’autre.</translation>
    </message>
</context>
<context>
    <name>exegia::signin::AccountPage</name>
    <message>
        <source>Linked</source>
        <translation>Associé</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <source>Sign out everywhere</source>
        <translation>Se déconnecter partout</translation>
    </message>
    <message>
        <source>The picture could not be loaded.</source>
        <translation>L’image n’a pas pu être chargée.</translation>
    </message>
    <message>
        <source>Save with %1</source>
        <translation>Enregistrer avec %1</translation>
    </message>
    <message>
        <source>Link %1</source>
        <translation>Associer %1</translation>
    </message>
    <message>
        <source>No name yet</source>
        <translation>Pas encore de nom</translation>
    </message>
    <message>
        <source>No email address</source>
        <translation>Aucune adresse e-mail</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Signing out…</source>
        <translation>Déconnexion…</translation>
    </message>
    <message>
        <source>Signing out everywhere…</source>
        <translation>Déconnexion partout…</translation>
    </message>
    <message>
        <source>Save your account by linking %1</source>
        <translation>Enregistrer votre compte en associant %1</translation>
    </message>
    <message>
        <source>Sign in with %1 instead</source>
        <translation>Se connecter plutôt avec %1</translation>
    </message>
    <message>
        <source>Sign out of the guest account?</source>
        <translation>Se déconnecter du compte invité ?</translation>
    </message>
    <message>
        <source>This guest account will be lost. Save it with Google or Apple first?</source>
        <translation>Ce compte invité sera perdu. L’enregistrer d’abord avec Google ou Apple ?</translation>
    </message>
    <message>
        <source>Save with Google</source>
        <translation>Enregistrer avec Google</translation>
    </message>
    <message>
        <source>Save with Apple</source>
        <translation>Enregistrer avec Apple</translation>
    </message>
    <message>
        <source>Sign out anyway</source>
        <translation>Se déconnecter quand même</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>%1: Linked</source>
        <translation>%1 : Associé</translation>
    </message>
    <message>
        <source>On: signing in also asks for a code from your authenticator app.</source>
        <translation>Activée : la connexion demande aussi un code de votre application d’authentification.</translation>
    </message>
    <message>
        <source>Off: turn it on to also ask for a code from an authenticator app when you sign in.</source>
        <translation>Désactivée : activez-la pour demander aussi un code d’une application d’authentification à la connexion.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Changer</translation>
    </message>
    <message>
        <source>%1: Linked as %2</source>
        <translation>%1 : associé en tant que %2</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>Dissocier</translation>
    </message>
    <message>
        <source>Unlink %1</source>
        <translation>Dissocier %1</translation>
    </message>
    <message>
        <source>Unlink %1?</source>
        <translation>Dissocier %1 ?</translation>
    </message>
    <message>
        <source>You will no longer be able to sign in with %1.</source>
        <translation>Vous ne pourrez plus vous connecter avec %1.</translation>
    </message>
    <message>
        <source>You will no longer be able to sign in with %1 (%2).</source>
        <translation>Vous ne pourrez plus vous connecter avec %1 (%2).</translation>
    </message>
</context>
<context>
    <name>exegia::signin::AuthModel</name>
    <message>
        <source>A guest session could not be started. Please try again, or sign in with email.</source>
        <translation>La session invité n’a pas pu démarrer. Réessayez ou connectez-vous par e-mail.</translation>
    </message>
    <message>
        <source>Enter your email address.</source>
        <translation>Saisissez votre adresse e-mail.</translation>
    </message>
    <message>
        <source>Enter an email address such as name@example.com.</source>
        <translation>Saisissez une adresse e-mail comme nom@exemple.fr.</translation>
    </message>
    <message>
        <source>We sent a 6-digit code to %1.</source>
        <translation>Nous avons envoyé un code à 6 chiffres à %1.</translation>
    </message>
    <message>
        <source>We already sent a code to %1 a moment ago. Enter it below.</source>
        <translation>Nous venons d’envoyer un code à %1. Saisissez-le ci-dessous.</translation>
    </message>
    <message>
        <source>We sent a new code to %1. Codes sent earlier no longer work.</source>
        <translation>Nous avons envoyé un nouveau code à %1. Les codes envoyés auparavant ne sont plus valables.</translation>
    </message>
    <message>
        <source>Enter the 6-digit code from the email.</source>
        <translation>Saisissez le code à 6 chiffres reçu par e-mail.</translation>
    </message>
    <message>
        <source>Signing in did not finish. Please try again.</source>
        <translation>La connexion n’a pas abouti. Veuillez réessayer.</translation>
    </message>
    <message>
        <source>Enter the name other people will see.</source>
        <translation>Saisissez le nom que les autres verront.</translation>
    </message>
    <message numerus="yes">
        <source>Use at most %n characters.</source>
        <translation>
            <numerusform>Utilisez au plus %n caractère.</numerusform>
            <numerusform>Utilisez au plus %n caractères.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter a web address starting with https://, or leave this empty.</source>
        <translation>Saisissez une adresse web commençant par https://, ou laissez ce champ vide.</translation>
    </message>
    <message>
        <source>The profile could not be created. Please try again.</source>
        <translation>Le profil n’a pas pu être créé. Veuillez réessayer.</translation>
    </message>
    <message>
        <source>Your profile was not found. Sign out and sign in again to create it.</source>
        <translation>Votre profil est introuvable. Déconnectez-vous puis reconnectez-vous pour le créer.</translation>
    </message>
    <message>
        <source>Your name was saved.</source>
        <translation>Votre nom a été enregistré.</translation>
    </message>
    <message>
        <source>You are signed out on this computer, but your other devices could not be signed out: %1</source>
        <translation>Vous êtes déconnecté sur cet ordinateur, mais vos autres appareils n’ont pas pu être déconnectés : %1</translation>
    </message>
    <message>
        <source>%1 is now linked to your account.</source>
        <translation>%1 est maintenant associé à votre compte.</translation>
    </message>
    <message>
        <source>You will need to sign in again next time: this computer has no keychain to keep your session in.</source>
        <translation>Vous devrez vous reconnecter la prochaine fois : cet ordinateur n’a pas de trousseau pour conserver votre session.</translation>
    </message>
    <message>
        <source>The local backend is not answering. It restarts by itself when it stops; try again in a moment.</source>
        <translation>Le serveur local ne répond pas. Il redémarre de lui-même s’il s’arrête ; réessayez dans un instant.</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Invité</translation>
    </message>
    <message>
        <source>Exegia Sign-In</source>
        <translation>Connexion Exegia</translation>
    </message>
    <message>
        <source>You are signed in to Exegia Sign-In. You can close this tab.</source>
        <translation>Vous êtes connecté à Connexion Exegia. Vous pouvez fermer cet onglet.</translation>
    </message>
    <message>
        <source>Sign-in failed — return to Exegia Sign-In</source>
        <translation>Échec de la connexion — revenez à Connexion Exegia</translation>
    </message>
    <message>
        <source>Return to Exegia Sign-In to see whether you are signed in. You can close this tab.</source>
        <translation>Revenez à Connexion Exegia pour savoir si vous êtes connecté. Vous pouvez fermer cet onglet.</translation>
    </message>
    <message>
        <source>Enter the 6-digit code from your authenticator app.</source>
        <translation>Saisissez le code à 6 chiffres de votre application d’authentification.</translation>
    </message>
    <message>
        <source>Two-step verification is on. Next time you sign in, enter the code from your authenticator app.</source>
        <translation>La validation en deux étapes est activée. À votre prochaine connexion, saisissez le code de votre application d’authentification.</translation>
    </message>
    <message>
        <source>Two-step verification is off.</source>
        <translation>La validation en deux étapes est désactivée.</translation>
    </message>
    <message>
        <source>%1 was removed from your sign-in methods.</source>
        <translation>%1 a été retiré de vos moyens de connexion.</translation>
    </message>
    <message>
        <source>Enter your new email address.</source>
        <translation>Saisissez votre nouvelle adresse e-mail.</translation>
    </message>
    <message>
        <source>This is already your email address.</source>
        <translation>C’est déjà votre adresse e-mail.</translation>
    </message>
    <message>
        <source>Your email address is now %1.</source>
        <translation>Votre adresse e-mail est désormais %1.</translation>
    </message>
</context>
<context>
    <name>exegia::signin::BackendController</name>
    <message>
        <source>Starting the local backend…</source>
        <translation>Démarrage du serveur local…</translation>
    </message>
    <message>
        <source>Local backend</source>
        <translation>Serveur local</translation>
    </message>
    <message>
        <source>Local backend (not running)</source>
        <translation>Serveur local (arrêté)</translation>
    </message>
    <message>
        <source>Choose a Supabase project in Settings, or restart the app to try again.</source>
        <translation>Choisissez un projet Supabase dans les paramètres, ou redémarrez l’application pour réessayer.</translation>
    </message>
    <message>
        <source>The local backend stopped and could not be started again.</source>
        <translation>Le serveur local s’est arrêté et n’a pas pu être redémarré.</translation>
    </message>
</context>
<context>
    <name>exegia::signin::BackendFailedPage</name>
    <message>
        <source>The local backend stopped</source>
        <translation>Le serveur local s’est arrêté</translation>
    </message>
    <message>
        <source>Restart the local backend</source>
        <translation>Redémarrer le serveur local</translation>
    </message>
    <message>
        <source>Last lines of the local backend&apos;s log</source>
        <translation>Dernières lignes du journal du serveur local</translation>
    </message>
    <message>
        <source>Restarting the local backend…</source>
        <translation>Redémarrage du serveur local…</translation>
    </message>
    <message>
        <source>Your session and your local data are kept. Restart the local backend, or choose a Supabase project in Settings.</source>
        <translation>Votre session et vos données locales sont conservées. Redémarrez le serveur local, ou choisissez un projet Supabase dans les paramètres.</translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation>Masquer les détails</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>Afficher les détails</translation>
    </message>
</context>
<context>
    <name>exegia::signin::BrowserPage</name>
    <message>
        <source>Finish in your browser</source>
        <translation>Terminez dans votre navigateur</translation>
    </message>
    <message>
        <source>Waiting for the browser</source>
        <translation>En attente du navigateur</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Copier le lien</translation>
    </message>
    <message>
        <source>Open the browser again</source>
        <translation>Rouvrir le navigateur</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Opening your browser…</source>
        <translation>Ouverture de votre navigateur…</translation>
    </message>
    <message>
        <source>Sign in with %1 on the page that opened in your browser to link it to this account. This window continues by itself when you are done.</source>
        <translation>Connectez-vous avec %1 sur la page ouverte dans votre navigateur pour l’associer à ce compte. Cette fenêtre continue d’elle-même une fois terminé.</translation>
    </message>
    <message>
        <source>Sign in with %1 on the page that opened in your browser. This window continues by itself when you are done.</source>
        <translation>Connectez-vous avec %1 sur la page ouverte dans votre navigateur. Cette fenêtre continue d’elle-même une fois terminé.</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
    <message>
        <source>Copy the sign-in link</source>
        <translation>Copier le lien de connexion</translation>
    </message>
    <message>
        <source>Cancel signing in</source>
        <translation>Annuler la connexion</translation>
    </message>
    <message>
        <source>Try to open the browser again</source>
        <translation>Réessayer d’ouvrir le navigateur</translation>
    </message>
    <message>
        <source>Open the link below in your browser and sign in with %1 there. This window continues by itself when you are done.</source>
        <translation>Ouvrez le lien ci-dessous dans votre navigateur et connectez-vous-y avec %1. Cette fenêtre continue d’elle-même une fois terminé.</translation>
    </message>
</context>
<context>
    <name>exegia::signin::CodePage</name>
    <message>
        <source>Verify</source>
        <translation>Vérifier</translation>
    </message>
    <message>
        <source>Send a new code</source>
        <translation>Envoyer un nouveau code</translation>
    </message>
    <message>
        <source>Enter the 6-digit code we sent to %1. It can take a minute to arrive.</source>
        <translation>Saisissez le code à 6 chiffres envoyé à %1. Il peut mettre une minute à arriver.</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <source>Send a new code (%1 s)</source>
        <translation>Envoyer un nouveau code (%1 s)</translation>
    </message>
    <message numerus="yes">
        <source>For security, a new code can be sent in %n second(s).</source>
        <translation>
            <numerusform>Par sécurité, un nouveau code pourra être envoyé dans %n seconde.</numerusform>
            <numerusform>Par sécurité, un nouveau code pourra être envoyé dans %n secondes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>exegia::signin::EmailChangePage</name>
    <message>
        <source>Enter the 6-digit code we sent to %1. Your address changes once the code is confirmed.</source>
        <translation>Saisissez le code à 6 chiffres envoyé à %1. Votre adresse change dès que le code est confirmé.</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Vérifier</translation>
    </message>
</context>
<context>
    <name>exegia::signin::LocalBackend</name>
    <message>
        <source>The local backend did not report that it was ready in time.</source>
        <translation>Le serveur local n’a pas signalé à temps qu’il était prêt.</translation>
    </message>
    <message>
        <source>The local backend (%1) is not installed next to this app or on the PATH.</source>
        <translation>Le serveur local (%1) n’est installé ni à côté de cette application ni dans le PATH.</translation>
    </message>
    <message>
        <source>The folder for local data (%1) could not be created.</source>
        <translation>Le dossier des données locales (%1) n’a pas pu être créé.</translation>
    </message>
    <message>
        <source>The local backend could not be started: %1</source>
        <translation>Le serveur local n’a pas pu démarrer : %1</translation>
    </message>
    <message>
        <source>The local backend stopped while starting (exit code %1). Another copy of this app may be using its data folder.</source>
        <translation>Le serveur local s’est arrêté au démarrage (code de sortie %1). Une autre instance de cette application utilise peut-être son dossier de données.</translation>
    </message>
    <message>
        <source>The local backend started but did not say where it listens.</source>
        <translation>Le serveur local a démarré mais n’a pas indiqué où il écoute.</translation>
    </message>
</context>
<context>
    <name>exegia::signin::LocalInbox</name>
    <message>
        <source>The local inbox is only available with the local backend.</source>
        <translation>La boîte de réception locale n’est disponible qu’avec le serveur local.</translation>
    </message>
    <message>
        <source>The local inbox could not be read. Is the local backend still running?</source>
        <translation>La boîte de réception locale n’a pas pu être lue. Le serveur local fonctionne-t-il encore ?</translation>
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
        <translation>À</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>No codes yet. Ask for a code on the sign-in page.</source>
        <translation>Aucun code pour l’instant. Demandez un code sur la page de connexion.</translation>
    </message>
    <message numerus="yes">
        <source>%n code(s) received.</source>
        <translation>
            <numerusform>%n code reçu.</numerusform>
            <numerusform>%n codes reçus.</numerusform>
        </translation>
    </message>
    <message>
        <source>Code %1 copied. Paste it into the code field.</source>
        <translation>Code %1 copié. Collez-le dans le champ du code.</translation>
    </message>
</context>
<context>
    <name>exegia::signin::MainWindow</name>
    <message>
        <source>Backend: %1</source>
        <translation>Serveur : %1</translation>
    </message>
    <message>
        <source>Exegia Sign-In</source>
        <translation>Connexion Exegia</translation>
    </message>
    <message>
        <source>Local inbox</source>
        <translation>Boîte de réception locale</translation>
    </message>
    <message>
        <source>Open the local inbox</source>
        <translation>Ouvrir la boîte de réception locale</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Open the settings</source>
        <translation>Ouvrir les paramètres</translation>
    </message>
    <message>
        <source>Restarting the local backend…</source>
        <translation>Redémarrage du serveur local…</translation>
    </message>
    <message>
        <source>Local backend (not running)</source>
        <translation>Serveur local (arrêté)</translation>
    </message>
</context>
<context>
    <name>exegia::signin::RegisterPage</name>
    <message>
        <source>Create profile</source>
        <translation>Créer le profil</translation>
    </message>
    <message>
        <source>Cancel and sign out</source>
        <translation>Annuler et se déconnecter</translation>
    </message>
    <message>
        <source>You are signed in as %1, but there is no profile yet. Choose the name other people will see.</source>
        <translation>Vous êtes connecté en tant que %1, mais vous n’avez pas encore de profil. Choisissez le nom que les autres verront.</translation>
    </message>
    <message>
        <source>Creating profile…</source>
        <translation>Création du profil…</translation>
    </message>
    <message>
        <source>Signing out…</source>
        <translation>Déconnexion…</translation>
    </message>
</context>
<context>
    <name>exegia::signin::RestorePage</name>
    <message>
        <source>Restoring your session…</source>
        <translation>Restauration de votre session…</translation>
    </message>
    <message>
        <source>Restoring your session</source>
        <translation>Restauration de votre session</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>You are still signed in</source>
        <translation>Vous êtes toujours connecté</translation>
    </message>
    <message>
        <source>Try to restore your session again</source>
        <translation>Réessayer de restaurer votre session</translation>
    </message>
    <message>
        <source>Checking your saved session with the server.</source>
        <translation>Vérification de votre session enregistrée auprès du serveur.</translation>
    </message>
</context>
<context>
    <name>exegia::signin::SecondFactorPage</name>
    <message>
        <source>Verifying…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Vérifier</translation>
    </message>
    <message>
        <source>Signing out…</source>
        <translation>Déconnexion…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
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
        <translation>Copier l’adresse</translation>
    </message>
    <message>
        <source>Publishable key</source>
        <translation>Clé publique</translation>
    </message>
    <message>
        <source>Copy key</source>
        <translation>Copier la clé</translation>
    </message>
</context>
<context>
    <name>exegia::signin::SignInPage</name>
    <message>
        <source>Use your Google or Apple account, or get a one-time code by email. New here? The same steps create your account.</source>
        <translation>Utilisez votre compte Google ou Apple, ou recevez un code à usage unique par e-mail. Nouveau ici ? Les mêmes étapes créent votre compte.</translation>
    </message>
    <message>
        <source>Email me a code</source>
        <translation>M’envoyer un code par e-mail</translation>
    </message>
    <message>
        <source>Continue as guest</source>
        <translation>Continuer en tant qu’invité</translation>
    </message>
    <message>
        <source>Sending code…</source>
        <translation>Envoi du code…</translation>
    </message>
    <message>
        <source>Starting guest session…</source>
        <translation>Démarrage de la session invité…</translation>
    </message>
    <message>
        <source>Starting the local backend…</source>
        <translation>Démarrage du serveur local…</translation>
    </message>
</context>
<context>
    <name>exegia::signin::TotpDialog</name>
    <message>
        <source>Turn on two-step verification</source>
        <translation>Activer la validation en deux étapes</translation>
    </message>
    <message>
        <source>Turn off two-step verification</source>
        <translation>Désactiver la validation en deux étapes</translation>
    </message>
    <message>
        <source>Scan the QR code with an authenticator app, then enter the 6-digit code it shows.</source>
        <translation>Scannez le code QR avec une application d’authentification, puis saisissez le code à 6 chiffres qu’elle affiche.</translation>
    </message>
    <message>
        <source>Enter the 6-digit code from your authenticator app to turn two-step verification off.</source>
        <translation>Saisissez le code à 6 chiffres de votre application d’authentification pour désactiver la validation en deux étapes.</translation>
    </message>
    <message>
        <source>6-digit code</source>
        <translation>Code à 6 chiffres</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>QR code for your authenticator app</source>
        <translation>Code QR pour votre application d’authentification</translation>
    </message>
    <message>
        <source>Cannot scan it? Enter this key in the app:</source>
        <translation>Impossible de le scanner ? Saisissez cette clé dans l’application :</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>Turn on</source>
        <translation>Activer</translation>
    </message>
    <message>
        <source>Turn off</source>
        <translation>Désactiver</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
    <message>
        <source>Copy key</source>
        <translation>Copier la clé</translation>
    </message>
</context>
</TS>
