/**
 * Words the strength estimator tries first. Common passwords seen in leaks, and everyday Vietnamese words
 * and names as people type them (without diacritics), so "anhyeuem" or "matkhau123" count as weak.
 */
export const COMMON_PASSWORDS = [
  '123456', '123456789', '12345678', '1234567890', '12345', '111111', '000000', '123123', '654321', '666666', '888888', '999999',
  'password', 'passw0rd', 'p@ssw0rd', 'qwerty', 'qwerty123', 'abc123', 'iloveyou', 'admin', 'welcome', 'monkey', 'dragon', 'football',
  'matkhau', 'matkhau123', 'anhyeuem', 'emyeuanh', 'yeuem', 'yeuanh', 'iloveu', 'vietnam', 'vietnam123', 'hanoi', 'saigon', 'hochiminh',
  'conmeo', 'concho', 'thienthan', 'hoacuoi', 'hanhphuc', 'tinhyeu', 'baby', 'princess', 'sunshine', 'superman', 'batman', 'pokemon',
];

export const VIETNAMESE_WORDS = [
  'anh', 'em', 'chi', 'ban', 'me', 'bo', 'ba', 'ong', 'con', 'yeu', 'thuong', 'nho', 'vui', 'buon', 'dep', 'xinh', 'hoc', 'sinh', 'truong', 'lop',
  'nha', 'que', 'huong', 'song', 'nui', 'bien', 'troi', 'may', 'mua', 'nang', 'gio', 'hoa', 'la', 'cay', 'tre', 'lua', 'com', 'pho', 'banh', 'mi',
  'ca', 'meo', 'cho', 'ga', 'vit', 'heo', 'trau', 'bo', 'ngua', 'rong', 'ho', 'voi', 'khi', 'chim', 'cong', 'ran', 'rua', 'tho', 'chuot',
  'minh', 'an', 'binh', 'hai', 'hoa', 'hung', 'huy', 'khang', 'khoa', 'lan', 'linh', 'long', 'mai', 'nam', 'ngoc', 'phuong', 'quan', 'son',
  'thao', 'trang', 'tuan', 'vy', 'duc', 'dung', 'giang', 'ha', 'hien', 'hoang', 'hung', 'kien', 'my', 'nhung', 'phat', 'tam', 'thanh', 'tien',
  'nguyen', 'tran', 'le', 'pham', 'vu', 'vo', 'dang', 'bui', 'do', 'ngo', 'duong', 'ly', 'kimcuong', 'game', 'zalo', 'facebook', 'tiktok',
  'matkhau', 'taikhoan', 'dangnhap', 'baomat', 'antoan', 'hanoi', 'saigon', 'danang', 'hue', 'vietnam', 'tet', 'trungthu',
];
