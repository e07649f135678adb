// Extrait — application des livreurs (stage chez Logistique Vilaine, février 2026)
// Autrice : Nolwenn Kerbrat. Les preuves sont stockées localement puis envoyées à l'API.
import 'dart:convert';

import 'package:http/http.dart' as http;
import 'package:sqflite/sqflite.dart';

class LivraisonService {
  LivraisonService(this._db, this._client, this._baseUrl);

  final Database _db;
  final http.Client _client;
  final Uri _baseUrl;

  /// Envoie les preuves en attente ; celles qui échouent restent en file d'attente.
  Future<int> synchroniser(String jeton) async {
    final enAttente = await _db.query('preuves', where: 'envoyee = 0');
    var envoyees = 0;
    for (final preuve in enAttente) {
      final reponse = await _client.post(
        _baseUrl.resolve('/api/preuves_livraison'),
        headers: {
          'Authorization': 'Bearer $jeton',
          'Content-Type': 'application/json',
        },
        body: jsonEncode(preuve),
      );
      if (reponse.statusCode == 201) {
        await _db.update('preuves', {'envoyee': 1},
            where: 'id = ?', whereArgs: [preuve['id']]);
        envoyees++;
      }
    }
    return envoyees;
  }
}
